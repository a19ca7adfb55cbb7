package dev.logredact.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** URLs from CI variables lose their user info; a repository's becomes the address a browser opens. */
class UrlsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "https://github.com/acme/payments.git                                    | https://github.com/acme/payments",
        "https://github.com/acme/payments/                                       | https://github.com/acme/payments",
        "https://x-access-token:ghs_Fq8Lm2Xw7Kp4Rt9Vz3Bn6Cd1Gh5Jk8Mp0Qs2@github.com/acme/p.git | https://github.com/acme/p",
        "https://oauth2@gitlab.example.com:8443/group/sub/project.git?ref=x#top  | https://gitlab.example.com:8443/group/sub/project",
        "HTTPS://GitHub.com/acme/payments                                        | https://GitHub.com/acme/payments",
        "git@github.com:acme/payments.git                                        | https://github.com/acme/payments",
        "github.com:acme/payments                                                | https://github.com/acme/payments",
        "ssh://git@bitbucket.example.com:7999/proj/repo.git                      | https://bitbucket.example.com/proj/repo",
        "git://git.example.org/pub/tool.git                                      | https://git.example.org/pub/tool",
        "file:///srv/git/payments.git                                            | -",
        "/srv/git/payments.git                                                   | -",
        "C:/repos/payments                                                       | -",
        "https://bad host/repo                                                   | -",
    })
    void repositoryUrls(String raw, String browser) {
        assertEquals(browser, Urls.repository(raw));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "https://ci.example.com/job/payments/57/                     | https://ci.example.com/job/payments/57/",
        "https://admin:s3cr3t-pass@ci.example.com:8080/job/p/57/     | https://ci.example.com:8080/job/p/57/",
        "https://dev.azure.com/acme/p/_build/results?buildId=1#logs  | https://dev.azure.com/acme/p/_build/results?buildId=1#logs",
        "ftp://ci.example.com/57                                     | -",
        "not a url                                                   | -",
    })
    void webUrls(String raw, String clean) {
        assertEquals(clean, Urls.web(raw));
    }
}

package dev.logredact.export;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each CI system's variables, as its runners set them, become the OpenTelemetry CI/VCS attributes. */
class CiContextTest {
    private static final String SHA = "9d59409acf479dfa0df1aa568182e43e43df8bbe";
    /** Fake tokens in the real formats; none may reach an attribute. */
    private static final String GITLAB_JOB_TOKEN = "glcbt-64_" + "sQ3x9VfK2mLp8RtWz4Yb";
    private static final String GITHUB_TOKEN = "ghs_" + "Fq8Lm2Xw7Kp4Rt9Vz3Bn6Cd1Gh5Jk8Mp0Qs2";
    private static final String PAT = "ghp_" + "Kx7Qm2Wn9Lp4Rt6Vy8Bz1Cd3Fg5Hj7Mk9Np2Q";
    /** Variables that hold or embed a token (reporting notes §6): never to be read at all. */
    private static final List<String> TOKEN_VARIABLES = List.of("CI_REPOSITORY_URL", "CI_JOB_TOKEN",
            "CI_REGISTRY_PASSWORD", "CI_DEPLOY_PASSWORD", "CI_DEPENDENCY_PROXY_PASSWORD", "GITHUB_TOKEN",
            "ACTIONS_RUNTIME_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "SYSTEM_ACCESSTOKEN",
            "BUILDKITE_AGENT_ACCESS_TOKEN", "TEAMCITY_BUILD_PROPERTIES_FILE");

    /** Every variable any test's detection read. */
    private final Set<String> read = new HashSet<>();

    /** An environment that notes each variable read and refuses to be iterated, so reads are only by name. */
    private final class Environment extends HashMap<String, String> {
        Environment(String... pairs) {
            for (int i = 0; i < pairs.length; i += 2) {
                super.put(pairs[i], pairs[i + 1]);
            }
            for (String token : TOKEN_VARIABLES) {
                super.putIfAbsent(token, token.contains("URL") ? "https://gitlab-ci-token:" + GITLAB_JOB_TOKEN
                        + "@gitlab.example.com/group/project.git" : GITLAB_JOB_TOKEN);
            }
        }

        @Override
        public String get(Object key) {
            read.add((String) key);
            return super.get(key);
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            throw new AssertionError("the environment was iterated");
        }

        @Override
        public Set<String> keySet() {
            throw new AssertionError("the environment was iterated");
        }

        @Override
        public Collection<String> values() {
            throw new AssertionError("the environment was iterated");
        }
    }

    @AfterEach
    void noTokenVariableWasEverRead() {
        for (String token : TOKEN_VARIABLES) {
            assertFalse(read.contains(token), token + " was read");
        }
    }

    private static Map<String, String> attributes(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void assertNoToken(CiContext ci) {
        for (String value : ci.attributes().values()) {
            assertFalse(value.contains(GITLAB_JOB_TOKEN) || value.contains(GITHUB_TOKEN) || value.contains(PAT)
                    || value.contains("gitlab-ci-token") || value.contains("@"), value);
        }
    }

    @Test
    void githubActionsPullRequest() {
        CiContext ci = CiContext.detect(new Environment("GITHUB_ACTIONS", "true", "CI", "true",
                "GITHUB_WORKFLOW", "CI", "GITHUB_RUN_ID", "9753949763", "GITHUB_RUN_ATTEMPT", "2",
                "GITHUB_JOB", "build", "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/payments",
                "GITHUB_REF", "refs/pull/1075/merge", "GITHUB_REF_NAME", "1075/merge", "GITHUB_HEAD_REF", "feature/rotate-keys",
                "GITHUB_SHA", SHA, "GITHUB_ACTOR", "octocat", "GITHUB_TOKEN", GITHUB_TOKEN));
        assertEquals("github-actions", ci.system());
        assertEquals(attributes("logredact.cicd.system", "github-actions",
                "cicd.pipeline.name", "CI",
                "cicd.pipeline.run.id", "9753949763",
                "cicd.pipeline.run.url.full", "https://github.com/acme/payments/actions/runs/9753949763/attempts/2",
                "cicd.pipeline.task.name", "build",
                "vcs.repository.url.full", "https://github.com/acme/payments",
                "vcs.ref.head.name", "feature/rotate-keys",
                "vcs.ref.head.revision", SHA,
                "vcs.change.id", "1075",
                "vcs.provider.name", "github",
                "logredact.cicd.actor", "octocat"), ci.attributes());
        assertNoToken(ci);
    }

    @Test
    void githubActionsPushHasTheBranchAndNoChange() {
        // On push events the runner sets GITHUB_HEAD_REF to an empty string.
        Map<String, String> a = CiContext.detect(new Environment("GITHUB_ACTIONS", "true", "GITHUB_RUN_ID", "77",
                "GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "acme/payments",
                "GITHUB_REF", "refs/heads/main", "GITHUB_REF_NAME", "main", "GITHUB_HEAD_REF", "")).attributes();
        assertEquals("main", a.get("vcs.ref.head.name"));
        assertNull(a.get("vcs.change.id"));
        assertEquals("https://github.com/acme/payments/actions/runs/77", a.get("cicd.pipeline.run.url.full"));
    }

    @Test
    void gitlabMergeRequestNeverReadsTheTokenBearingCloneUrl() {
        CiContext ci = CiContext.detect(new Environment("GITLAB_CI", "true", "CI", "true",
                "CI_PIPELINE_ID", "1187", "CI_PIPELINE_URL", "https://gitlab.example.com/group/project/-/pipelines/1187",
                "CI_JOB_NAME", "test:unit", "CI_JOB_ID", "9921", "CI_JOB_URL", "https://gitlab.example.com/group/project/-/jobs/9921",
                "CI_PROJECT_URL", "https://gitlab.example.com/group/project", "CI_PROJECT_PATH", "group/project",
                "CI_COMMIT_REF_NAME", "main", "CI_COMMIT_SHA", SHA, "CI_MERGE_REQUEST_IID", "42",
                "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME", "fix/leak", "GITLAB_USER_LOGIN", "jdoe",
                "CI_REPOSITORY_URL", "https://gitlab-ci-token:" + GITLAB_JOB_TOKEN + "@gitlab.example.com/group/project.git",
                "CI_JOB_TOKEN", GITLAB_JOB_TOKEN));
        assertEquals(attributes("logredact.cicd.system", "gitlab-ci",
                "cicd.pipeline.name", "group/project",
                "cicd.pipeline.run.id", "1187",
                "cicd.pipeline.run.url.full", "https://gitlab.example.com/group/project/-/pipelines/1187",
                "cicd.pipeline.task.name", "test:unit",
                "cicd.pipeline.task.run.id", "9921",
                "cicd.pipeline.task.run.url.full", "https://gitlab.example.com/group/project/-/jobs/9921",
                "vcs.repository.url.full", "https://gitlab.example.com/group/project",
                "vcs.ref.head.name", "fix/leak",
                "vcs.ref.head.revision", SHA,
                "vcs.change.id", "42",
                "vcs.provider.name", "gitlab",
                "logredact.cicd.actor", "jdoe"), ci.attributes());
        assertNoToken(ci);
        assertFalse(ci.attributes().toString().contains(GITLAB_JOB_TOKEN));
    }

    @Test
    void jenkinsStripsCredentialsFromTheCloneUrl() {
        CiContext ci = CiContext.detect(new Environment("JENKINS_URL", "https://ci.example.com/",
                "JOB_NAME", "payments/main", "BUILD_NUMBER", "57", "BUILD_TAG", "jenkins-payments-main-57",
                "BUILD_URL", "https://ci.example.com/job/payments/job/main/57/",
                "GIT_URL", "https://jenkins-bot:" + PAT + "@github.com/acme/payments.git",
                "GIT_BRANCH", "origin/main", "GIT_COMMIT", SHA));
        assertEquals(attributes("logredact.cicd.system", "jenkins",
                "cicd.pipeline.name", "payments/main",
                "cicd.pipeline.run.id", "jenkins-payments-main-57",
                "cicd.pipeline.run.url.full", "https://ci.example.com/job/payments/job/main/57/",
                "cicd.pipeline.task.name", "payments/main",
                "vcs.repository.url.full", "https://github.com/acme/payments",
                "vcs.ref.head.name", "main",
                "vcs.ref.head.revision", SHA), ci.attributes());
        assertNoToken(ci);
    }

    @Test
    void jenkinsMultibranchPullRequest() {
        Map<String, String> a = CiContext.detect(new Environment("JENKINS_URL", "https://ci.example.com/",
                "JOB_NAME", "payments/PR-12", "BUILD_NUMBER", "3", "STAGE_NAME", "Test", "BRANCH_NAME", "PR-12",
                "CHANGE_ID", "12", "CHANGE_BRANCH", "feature/x", "CHANGE_AUTHOR", "jdoe")).attributes();
        assertEquals("Test", a.get("cicd.pipeline.task.name"));
        assertEquals("3", a.get("cicd.pipeline.run.id"));
        assertEquals("feature/x", a.get("vcs.ref.head.name"));
        assertEquals("12", a.get("vcs.change.id"));
        assertEquals("jdoe", a.get("logredact.cicd.actor"));
    }

    @Test
    void buildkiteWithAnScpStyleRepositoryAndNoPullRequest() {
        CiContext ci = CiContext.detect(new Environment("BUILDKITE", "true", "CI", "true",
                "BUILDKITE_BUILD_ID", "0190a3c4-5b8e-4d2f-9a61-3c7e2f1d8b90",
                "BUILDKITE_BUILD_URL", "https://buildkite.com/acme/payments/builds/314",
                "BUILDKITE_PIPELINE_SLUG", "payments", "BUILDKITE_PIPELINE_NAME", "Payments",
                "BUILDKITE_LABEL", ":java: test", "BUILDKITE_JOB_ID", "0190a3c4-7c11-4aa0-b5d2-8e9f0a1b2c3d",
                "BUILDKITE_REPO", "git@github.com:acme/payments.git", "BUILDKITE_BRANCH", "main",
                "BUILDKITE_COMMIT", SHA, "BUILDKITE_PULL_REQUEST", "false", "BUILDKITE_PIPELINE_PROVIDER", "github",
                "BUILDKITE_BUILD_CREATOR", "Jane Doe", "BUILDKITE_AGENT_ACCESS_TOKEN", GITLAB_JOB_TOKEN));
        assertEquals(attributes("logredact.cicd.system", "buildkite",
                "cicd.pipeline.name", "Payments",
                "cicd.pipeline.run.id", "0190a3c4-5b8e-4d2f-9a61-3c7e2f1d8b90",
                "cicd.pipeline.run.url.full", "https://buildkite.com/acme/payments/builds/314",
                "cicd.pipeline.task.name", ":java: test",
                "cicd.pipeline.task.run.id", "0190a3c4-7c11-4aa0-b5d2-8e9f0a1b2c3d",
                "cicd.pipeline.task.run.url.full",
                "https://buildkite.com/acme/payments/builds/314#0190a3c4-7c11-4aa0-b5d2-8e9f0a1b2c3d",
                "vcs.repository.url.full", "https://github.com/acme/payments",
                "vcs.ref.head.name", "main",
                "vcs.ref.head.revision", SHA,
                "vcs.provider.name", "github",
                "logredact.cicd.actor", "Jane Doe"), ci.attributes());
        assertNoToken(ci);
    }

    @Test
    void circleciPullRequestNumberFromItsUrl() {
        CiContext ci = CiContext.detect(new Environment("CIRCLECI", "true", "CI", "true",
                "CIRCLE_WORKFLOW_ID", "6d2f1a3b-0c9e-4f7a-8b5d-2e1c0f9a8b7c", "CIRCLE_PROJECT_REPONAME", "payments",
                "CIRCLE_JOB", "test", "CIRCLE_BUILD_NUM", "812", "CIRCLE_BUILD_URL", "https://circleci.com/gh/acme/payments/812",
                "CIRCLE_REPOSITORY_URL", "git@github.com:acme/payments.git", "CIRCLE_BRANCH", "feature/x",
                "CIRCLE_SHA1", SHA, "CIRCLE_PULL_REQUEST", "https://github.com/acme/payments/pull/77",
                "CIRCLE_USERNAME", "jdoe"));
        assertEquals(attributes("logredact.cicd.system", "circleci",
                "cicd.pipeline.name", "payments",
                "cicd.pipeline.run.id", "6d2f1a3b-0c9e-4f7a-8b5d-2e1c0f9a8b7c",
                "cicd.pipeline.task.name", "test",
                "cicd.pipeline.task.run.id", "812",
                "cicd.pipeline.task.run.url.full", "https://circleci.com/gh/acme/payments/812",
                "vcs.repository.url.full", "https://github.com/acme/payments",
                "vcs.ref.head.name", "feature/x",
                "vcs.ref.head.revision", SHA,
                "vcs.change.id", "77",
                "logredact.cicd.actor", "jdoe"), ci.attributes());
    }

    @Test
    void azurePipelinesBuildsItsRunUrlsAndDropsTheOrganisationUser() {
        CiContext ci = CiContext.detect(new Environment("TF_BUILD", "True",
                "BUILD_BUILDID", "1432", "BUILD_DEFINITIONNAME", "payments-ci",
                "SYSTEM_TEAMFOUNDATIONSERVERURI", "https://dev.azure.com/acme/",
                "SYSTEM_TEAMPROJECTID", "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c",
                "SYSTEM_JOBDISPLAYNAME", "Build and test", "SYSTEM_JOBID", "12f1170f-54f2-53f3-20dd-22fc7dff55f9",
                "SYSTEM_TASKINSTANCEID", "b7e8a4c1-39d5-5a6e-9f02-7c4d1e8b3a60",
                "BUILD_REPOSITORY_URI", "https://acme@dev.azure.com/acme/payments/_git/payments",
                "BUILD_SOURCEBRANCH", "refs/heads/main", "BUILD_SOURCEVERSION", SHA,
                "BUILD_REPOSITORY_PROVIDER", "TfsGit", "BUILD_REQUESTEDFOR", "Jane Doe",
                "SYSTEM_ACCESSTOKEN", GITLAB_JOB_TOKEN));
        String run = "https://dev.azure.com/acme/6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c/_build/results?buildId=1432";
        assertEquals(attributes("logredact.cicd.system", "azure-pipelines",
                "cicd.pipeline.name", "payments-ci",
                "cicd.pipeline.run.id", "1432",
                "cicd.pipeline.run.url.full", run,
                "cicd.pipeline.task.name", "Build and test",
                "cicd.pipeline.task.run.id", "12f1170f-54f2-53f3-20dd-22fc7dff55f9",
                "cicd.pipeline.task.run.url.full", run
                        + "&view=logs&j=12f1170f-54f2-53f3-20dd-22fc7dff55f9&t=b7e8a4c1-39d5-5a6e-9f02-7c4d1e8b3a60",
                "vcs.repository.url.full", "https://dev.azure.com/acme/payments/_git/payments",
                "vcs.ref.head.name", "main",
                "vcs.ref.head.revision", SHA,
                "vcs.provider.name", "tfsgit",
                "logredact.cicd.actor", "Jane Doe"), ci.attributes());
        assertNoToken(ci);
    }

    @Test
    void azurePullRequestUsesTheSourceBranchAndNumber() {
        Map<String, String> a = CiContext.detect(new Environment("TF_BUILD", "True", "BUILD_SOURCEBRANCH", "refs/pull/9/merge",
                "SYSTEM_PULLREQUEST_SOURCEBRANCH", "refs/heads/feature/x", "SYSTEM_PULLREQUEST_PULLREQUESTID", "9",
                "SYSTEM_PULLREQUEST_SOURCECOMMITID", SHA)).attributes();
        assertEquals("feature/x", a.get("vcs.ref.head.name"));
        assertEquals("9", a.get("vcs.change.id"));
        assertEquals(SHA, a.get("vcs.ref.head.revision"));
    }

    @Test
    void teamcityReadsNoPropertiesFile() {
        CiContext ci = CiContext.detect(new Environment("TEAMCITY_VERSION", "2024.12 (build 174331)",
                "TEAMCITY_PROJECT_NAME", "Payments", "TEAMCITY_BUILDCONF_NAME", "Tests", "BUILD_NUMBER", "88",
                "BUILD_VCS_NUMBER", SHA, "TEAMCITY_BUILD_PROPERTIES_FILE", "/opt/buildagent/temp/buildTmp/teamcity.build.properties"));
        assertEquals(attributes("logredact.cicd.system", "teamcity",
                "cicd.pipeline.name", "Payments",
                "cicd.pipeline.run.id", "88",
                "cicd.pipeline.task.name", "Tests",
                "vcs.ref.head.revision", SHA), ci.attributes());
    }

    @Test
    void outsideCiThereIsNoContext() {
        CiContext ci = CiContext.detect(new Environment("HOME", "/home/dev", "GITHUB_ACTIONS", "false", "BUILDKITE", ""));
        assertNull(ci.system());
        assertTrue(ci.attributes().isEmpty());
    }

    @Test
    void aSpecificSystemWinsOverJenkinsUrl() {
        assertEquals("gitlab-ci", CiContext.detect(new Environment("JENKINS_URL", "https://ci.example.com/",
                "GITLAB_CI", "true")).system());
    }

    @Test
    void refNamesAndChangeIds() {
        assertEquals("main", CiContext.refName("refs/heads/main"));
        assertEquals("v1.2.0", CiContext.refName("refs/tags/v1.2.0"));
        assertEquals("release/2", CiContext.refName("origin/release/2"));
        assertEquals("feature/x", CiContext.refName("feature/x"));
        assertEquals("12", CiContext.changeId("12"));
        assertEquals("1075", CiContext.changeId("refs/pull/1075/merge"));
        assertEquals("77", CiContext.changeId("https://github.com/acme/payments/pull/77"));
        assertEquals("5", CiContext.changeId("https://gitlab.example.com/g/p/-/merge_requests/5"));
        assertNull(CiContext.changeId("false"));
        assertNull(CiContext.changeId("refs/heads/main"));
    }
}

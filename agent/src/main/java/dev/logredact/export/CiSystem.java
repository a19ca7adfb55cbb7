package dev.logredact.export;

import java.util.Map;

/**
 * The CI systems logredact recognises, each as one table: how to detect it, and for each OpenTelemetry
 * attribute a template over its environment variables ({@code ${NAME}}), with {@code |} between
 * alternatives tried in order; an alternative applies when every variable it names is set. Only the
 * variables named here are ever read: never a token-bearing one such as GitLab's
 * {@code CI_REPOSITORY_URL}, which embeds the job token (reporting notes §6).
 */
enum CiSystem {
    GITHUB_ACTIONS("github-actions", "GITHUB_ACTIONS", "true",
            CiContext.PIPELINE_NAME, "${GITHUB_WORKFLOW}",
            CiContext.RUN_ID, "${GITHUB_RUN_ID}",
            CiContext.RUN_URL, "${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}/attempts/${GITHUB_RUN_ATTEMPT}"
                    + "|${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}",
            CiContext.TASK_NAME, "${GITHUB_JOB}",
            CiContext.REPOSITORY_URL, "${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}",
            CiContext.REF_NAME, "${GITHUB_HEAD_REF}|${GITHUB_REF_NAME}",
            CiContext.REVISION, "${GITHUB_SHA}",
            // refs/pull/N/merge on pull request events; other refs give no change id.
            CiContext.CHANGE_ID, "${GITHUB_REF}",
            CiContext.PROVIDER, "github",
            CiContext.ACTOR, "${GITHUB_ACTOR}"),
    GITLAB_CI("gitlab-ci", "GITLAB_CI", "true",
            CiContext.PIPELINE_NAME, "${CI_PIPELINE_NAME}|${CI_PROJECT_PATH}",
            CiContext.RUN_ID, "${CI_PIPELINE_ID}",
            CiContext.RUN_URL, "${CI_PIPELINE_URL}",
            CiContext.TASK_NAME, "${CI_JOB_NAME}",
            CiContext.TASK_RUN_ID, "${CI_JOB_ID}",
            CiContext.TASK_RUN_URL, "${CI_JOB_URL}",
            CiContext.REPOSITORY_URL, "${CI_PROJECT_URL}",
            CiContext.REF_NAME, "${CI_MERGE_REQUEST_SOURCE_BRANCH_NAME}|${CI_COMMIT_REF_NAME}",
            CiContext.REVISION, "${CI_COMMIT_SHA}",
            CiContext.CHANGE_ID, "${CI_MERGE_REQUEST_IID}",
            CiContext.PROVIDER, "gitlab",
            CiContext.ACTOR, "${GITLAB_USER_LOGIN}"),
    BUILDKITE("buildkite", "BUILDKITE", "true",
            CiContext.PIPELINE_NAME, "${BUILDKITE_PIPELINE_NAME}|${BUILDKITE_PIPELINE_SLUG}",
            CiContext.RUN_ID, "${BUILDKITE_BUILD_ID}",
            CiContext.RUN_URL, "${BUILDKITE_BUILD_URL}",
            CiContext.TASK_NAME, "${BUILDKITE_LABEL}",
            CiContext.TASK_RUN_ID, "${BUILDKITE_JOB_ID}",
            CiContext.TASK_RUN_URL, "${BUILDKITE_BUILD_URL}#${BUILDKITE_JOB_ID}",
            CiContext.REPOSITORY_URL, "${BUILDKITE_REPO}",
            CiContext.REF_NAME, "${BUILDKITE_BRANCH}",
            CiContext.REVISION, "${BUILDKITE_COMMIT}",
            // "false" when the build is not for a pull request: not a number, so no change id.
            CiContext.CHANGE_ID, "${BUILDKITE_PULL_REQUEST}",
            CiContext.PROVIDER, "${BUILDKITE_PIPELINE_PROVIDER}",
            CiContext.ACTOR, "${BUILDKITE_BUILD_CREATOR}"),
    CIRCLECI("circleci", "CIRCLECI", "true",
            CiContext.PIPELINE_NAME, "${CIRCLE_PROJECT_REPONAME}",
            CiContext.RUN_ID, "${CIRCLE_WORKFLOW_ID}",
            CiContext.TASK_NAME, "${CIRCLE_JOB}",
            CiContext.TASK_RUN_ID, "${CIRCLE_BUILD_NUM}",
            CiContext.TASK_RUN_URL, "${CIRCLE_BUILD_URL}",
            CiContext.REPOSITORY_URL, "${CIRCLE_REPOSITORY_URL}",
            CiContext.REF_NAME, "${CIRCLE_BRANCH}|${CIRCLE_TAG}",
            CiContext.REVISION, "${CIRCLE_SHA1}",
            CiContext.CHANGE_ID, "${CIRCLE_PR_NUMBER}|${CIRCLE_PULL_REQUEST}",
            CiContext.ACTOR, "${CIRCLE_USERNAME}"),
    AZURE_PIPELINES("azure-pipelines", "TF_BUILD", "true",
            CiContext.PIPELINE_NAME, "${BUILD_DEFINITIONNAME}",
            CiContext.RUN_ID, "${BUILD_BUILDID}",
            CiContext.RUN_URL, "${SYSTEM_TEAMFOUNDATIONSERVERURI}${SYSTEM_TEAMPROJECTID}/_build/results?buildId=${BUILD_BUILDID}",
            CiContext.TASK_NAME, "${SYSTEM_JOBDISPLAYNAME}",
            CiContext.TASK_RUN_ID, "${SYSTEM_JOBID}",
            CiContext.TASK_RUN_URL, "${SYSTEM_TEAMFOUNDATIONSERVERURI}${SYSTEM_TEAMPROJECTID}/_build/results?buildId=${BUILD_BUILDID}"
                    + "&view=logs&j=${SYSTEM_JOBID}&t=${SYSTEM_TASKINSTANCEID}",
            CiContext.REPOSITORY_URL, "${SYSTEM_PULLREQUEST_SOURCEREPOSITORYURI}|${BUILD_REPOSITORY_URI}",
            CiContext.REF_NAME, "${SYSTEM_PULLREQUEST_SOURCEBRANCH}|${BUILD_SOURCEBRANCH}",
            CiContext.REVISION, "${SYSTEM_PULLREQUEST_SOURCECOMMITID}|${BUILD_SOURCEVERSION}",
            CiContext.CHANGE_ID, "${SYSTEM_PULLREQUEST_PULLREQUESTNUMBER}|${SYSTEM_PULLREQUEST_PULLREQUESTID}",
            CiContext.PROVIDER, "${BUILD_REPOSITORY_PROVIDER}",
            CiContext.ACTOR, "${BUILD_REQUESTEDFOR}"),
    /** TeamCity puts the rest in its build properties file, which may hold parameters of any kind: not read. */
    TEAMCITY("teamcity", "TEAMCITY_VERSION", null,
            CiContext.PIPELINE_NAME, "${TEAMCITY_PROJECT_NAME}",
            CiContext.RUN_ID, "${BUILD_NUMBER}",
            CiContext.TASK_NAME, "${TEAMCITY_BUILDCONF_NAME}",
            CiContext.REVISION, "${BUILD_VCS_NUMBER}"),
    /** Last: JENKINS_URL is a plain URL that other setups may carry too, so a more specific system wins. */
    JENKINS("jenkins", "JENKINS_URL", null,
            CiContext.PIPELINE_NAME, "${JOB_NAME}",
            CiContext.RUN_ID, "${BUILD_TAG}|${BUILD_NUMBER}",
            CiContext.RUN_URL, "${BUILD_URL}",
            CiContext.TASK_NAME, "${STAGE_NAME}|${JOB_NAME}",
            CiContext.REPOSITORY_URL, "${GIT_URL}",
            CiContext.REF_NAME, "${CHANGE_BRANCH}|${BRANCH_NAME}|${GIT_LOCAL_BRANCH}|${GIT_BRANCH}",
            CiContext.REVISION, "${GIT_COMMIT}",
            CiContext.CHANGE_ID, "${CHANGE_ID}",
            CiContext.ACTOR, "${CHANGE_AUTHOR}");

    /** The product's name, for {@code logredact.cicd.system}. */
    final String id;
    private final String detectVariable;
    /** The value (any case) that detects the system; null when any non-empty value does. */
    private final String detectValue;
    /** Attribute key, template, attribute key, template, … */
    private final String[] table;

    CiSystem(String id, String detectVariable, String detectValue, String... table) {
        this.id = id;
        this.detectVariable = detectVariable;
        this.detectValue = detectValue;
        this.table = table;
    }

    boolean runsIn(Map<String, String> environment) {
        String value = environment.get(detectVariable);
        return detectValue == null ? value != null && !value.trim().isEmpty() : detectValue.equalsIgnoreCase(trim(value));
    }

    int attributes() {
        return table.length / 2;
    }

    String attributeKey(int i) {
        return table[2 * i];
    }

    /** The first alternative of attribute {@code i}'s template whose variables are all set, or null. */
    String evaluate(int i, Map<String, String> environment) {
        for (String alternative : table[2 * i + 1].split("\\|")) {
            String value = fill(alternative, environment);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String fill(String template, Map<String, String> environment) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (int open; (open = template.indexOf("${", at)) >= 0; ) {
            int close = template.indexOf('}', open);
            String value = trim(environment.get(template.substring(open + 2, close)));
            if (value == null || value.isEmpty()) {
                return null;
            }
            sb.append(template, at, open).append(value);
            at = close + 1;
        }
        return sb.append(template, at, template.length()).toString();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}

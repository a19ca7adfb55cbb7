import java.util.Base64;

/**
 * A stand-in for a build step that leaks: run by demo/run with the agent attached, as CI runs every
 * JVM of a build with JAVA_TOOL_OPTIONS. The secrets are fake, in real formats.
 */
public class DemoBuild {
    public static void main(String[] args) throws Exception {
        String deployToken = System.getenv("DEPLOY_TOKEN");
        System.out.println("[INFO] --- deploy:1.0:upload (default) @ payments-api ---");
        System.out.println("[DEBUG] GET https://api.github.example/repos/acme/payments -H 'Authorization: token ghp_Vb3Nq8Xw2Lk5Rm7Tz1Yc4Hd6Fs9Pj0Ga2Ue4'");
        System.out.println("[DEBUG] using deploy token " + deployToken);
        System.out.println("[DEBUG] basic auth header Basic " + Base64.getEncoder().encodeToString(("deployer:" + deployToken).getBytes("UTF-8")));
        System.err.println("[WARNING] aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vK2pL9q");
        try {
            throw new IllegalStateException("upload refused for key wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ8vK2pL9q");
        } catch (IllegalStateException e) {
            e.printStackTrace();
        }
        System.out.println("[INFO] BUILD SUCCESS");
    }
}

import java.net.HttpURLConnection;
import java.net.URI;
public final class HealthProbe {
    public static void main(String[] args) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(3000);
        int status = c.getResponseCode();
        System.exit(status >= 200 && status < 300 ? 0 : 1);
    }
}

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Arrays;
public final class PropertyFiles {
    public static void main(String[] args) throws Throwable {
        String entries = System.getenv("JAVA_PROPERTY_FILES");
        if (entries != null) {
            for (String entry : entries.split(",")) {
                if (entry.trim().isEmpty()) continue;
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    System.err.println("JAVA_PROPERTY_FILES: '" + entry + "' is not name=/path/to/file");
                    System.exit(2);
                }
                String name = entry.substring(0, eq).trim();
                if (System.getProperty(name) != null) continue;
                String value;
                try {
                    value = new String(Files.readAllBytes(Paths.get(entry.substring(eq + 1).trim())), StandardCharsets.UTF_8);
                } catch (Exception e) {
                    System.err.println("JAVA_PROPERTY_FILES: cannot read the file for " + name + ": " + e);
                    System.exit(2);
                    return;
                }
                int end = value.length();
                while (end > 0 && (value.charAt(end - 1) == '\n' || value.charAt(end - 1) == '\r')) end--;
                System.setProperty(name, value.substring(0, end));
            }
        }
        try {
            Class.forName(args[0], false, ClassLoader.getSystemClassLoader()).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

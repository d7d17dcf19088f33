namespace Site.Engine;

/// <summary>Rules for paths inside the output folder.</summary>
public static class OutputPaths
{
    /// <summary>True when a relative output path stays inside the output root.</summary>
    public static bool IsSafeRelative(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || Path.IsPathRooted(path) || path.StartsWith('/') || path.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        return path.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
    }
}

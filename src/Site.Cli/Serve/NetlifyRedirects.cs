namespace Site.Cli.Serve;

/// <summary>One rule of a Netlify <c>_redirects</c> file.</summary>
public sealed record RedirectRule(string From, string To, int Status);

/// <summary>Reads the <c>_redirects</c> file a build wrote, and matches request paths as Netlify does.</summary>
public static class NetlifyRedirects
{
    public static IReadOnlyList<RedirectRule> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<RedirectRule>();
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && !parts[0].StartsWith('#'))
            {
                var status = parts.Length > 2 && int.TryParse(parts[2].TrimEnd('!'), out var code) ? code : 301;
                rules.Add(new RedirectRule(parts[0], parts[1], status));
            }
        }

        return rules;
    }

    /// <summary>The first rule for a path; Netlify ignores a trailing slash when matching.</summary>
    public static RedirectRule? Match(IReadOnlyList<RedirectRule> rules, string path)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(path);
        var wanted = path.Length > 1 ? path.TrimEnd('/') : path;
        return rules.FirstOrDefault(r => (r.From.Length > 1 ? r.From.TrimEnd('/') : r.From) == wanted);
    }
}

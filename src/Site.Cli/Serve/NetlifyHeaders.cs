namespace Site.Cli.Serve;

/// <summary>One rule of a Netlify <c>_headers</c> file: a path (or a prefix ending in '*') and its headers.</summary>
public sealed record HeaderRule(string Path, IReadOnlyList<KeyValuePair<string, string>> Headers);

/// <summary>
/// Reads the <c>_headers</c> file a build wrote and finds the headers of a request path as Netlify does, so
/// <c>site serve</c> sends what production sends (the content API's content type and CORS, for example).
/// </summary>
public static class NetlifyHeaders
{
    public static IReadOnlyList<HeaderRule> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<HeaderRule>();
        List<KeyValuePair<string, string>>? current = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                current = [];
                rules.Add(new HeaderRule(line.Trim(), current));
            }
            else if (current is not null && line.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
            {
                current.Add(KeyValuePair.Create(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return rules;
    }

    /// <summary>The headers of every rule matching the path, in file order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> For(IReadOnlyList<HeaderRule> rules, string path)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(path);
        return rules
            .Where(r => r.Path.EndsWith('*') ? path.StartsWith(r.Path[..^1], StringComparison.Ordinal) : r.Path == path)
            .SelectMany(r => r.Headers);
    }
}

using Tomlyn;
using Tomlyn.Model;
using Tomlyn.Serialization;

namespace Site.Cli.Serve;

/// <summary>
/// The headers production sends on every page, read from netlify.toml's <c>[[headers]]</c> rule for "/*"
/// (HSTS, nosniff, referrer and permissions policies), so <c>site serve</c> runs pages under the same rules. The
/// Content-Security-Policies come from the build's own <c>_headers</c>, which the server applies per path.
/// </summary>
public static class ProductionHeaders
{
    public static IReadOnlyDictionary<string, string> Load(string netlifyToml, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!File.Exists(netlifyToml))
        {
            log.WriteLine($"No {netlifyToml}: pages are served without production's security headers.");
            return new Dictionary<string, string>();
        }

        try
        {
            var config = TomlSerializer.Deserialize(File.ReadAllText(netlifyToml), NetlifyTomlContext.Default.TomlTable);
            var headers = config is not null && config.TryGetValue("headers", out var rules) && rules is TomlTableArray array
                ? array
                    .Where(rule => rule.TryGetValue("for", out var pattern) && pattern as string == "/*" && rule.TryGetValue("values", out var values) && values is TomlTable)
                    .SelectMany(rule => (TomlTable)rule["values"])
                    .Where(pair => pair.Value is string)
                    .ToDictionary(pair => pair.Key, pair => (string)pair.Value, StringComparer.OrdinalIgnoreCase)
                : [];
            if (headers.Count == 0)
            {
                // Silence here would preview pages under no CSP while production has one.
                log.WriteLine($"{netlifyToml} sets no [[headers]] for \"/*\"; pages are served without production's security headers.");
            }

            return headers;
        }
#pragma warning disable CA1031 // A damaged netlify.toml must not stop the preview; say so and serve without the headers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.WriteLine($"{netlifyToml} could not be read ({ex.Message}); pages are served without production's security headers.");
            return new Dictionary<string, string>();
        }
    }
}

/// <summary>netlify.toml read as plain tables, generated at compile time so the native build needs no reflection.</summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class NetlifyTomlContext : TomlSerializerContext;

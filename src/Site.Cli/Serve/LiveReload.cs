using System.Net;
using System.Text;
using Site.Engine.Diagnostics;

namespace Site.Cli.Serve;

/// <summary>The browser side of live reload: a script, its event stream, and the build-error overlay.</summary>
public static class LiveReload
{
    public const string ScriptPath = "/__site/live.js";
    public const string EventsPath = "/__site/events";
    public const string StylePath = "/__site/overlay.css";

    /// <summary>The overlay's look, as a file: production's CSP (style-src 'self') forbids inline styles.</summary>
    public const string Style = "body{font:1rem/1.5 system-ui,sans-serif;margin:0;background:#fff4f2;color:#3d0b00}main{max-width:50rem;margin:2rem auto;padding:0 1rem}li{margin:1rem 0}code{font-weight:700}\n";

    public const string Script = """
        // Served by `site serve` only; never part of a built site.
        (function () {
          var events = new EventSource("/__site/events");
          events.addEventListener("reload", function () { window.location.reload(); });
        })();
        """;

    public static string Tag => $"<script src=\"{ScriptPath}\" defer></script>";

    /// <summary>Adds the live-reload script to an HTML page.</summary>
    public static string Inject(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + Tag : html.Insert(at, Tag + "\n");
    }

    /// <summary>A page that replaces every page while the last build failed, listing what to fix.</summary>
    public static string Overlay(IEnumerable<Diagnostic> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var items = new StringBuilder();
        foreach (var error in errors)
        {
            items.Append("<li><code>").Append(WebUtility.HtmlEncode(error.Location?.ToString() ?? "site")).Append("</code><br>")
                .Append(WebUtility.HtmlEncode($"{error.Id}: {error.Message} {error.Help}")).Append("</li>\n");
        }

        return $"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Build failed</title>
            <link rel="stylesheet" href="{StylePath}"></head>
            <body><main data-site="build-error"><h1>The last save did not build</h1>
            <p>Fix the problems below and save again; this page updates by itself.</p>
            <ol>
            {items}</ol></main>
            {Tag}
            </body></html>
            """;
    }
}

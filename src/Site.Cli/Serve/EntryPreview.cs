using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Site.Engine.Diagnostics;
using Site.Web;
using Site.Web.Admin;
using Site.Web.Content;
using Site.Web.Model;

namespace Site.Cli.Serve;

/// <summary>
/// The editor's preview pane, drawn by the site's own templates: the editor posts an entry's current, unsaved
/// values; they are laid out as the file the editor would save, built with the rest of the site into a private
/// folder (that file read from memory, never written to input/), and answered with the address of the rendered
/// page and the build's diagnostics for that file, each with the field it belongs to.
/// <para>
/// Preview builds keep their own cache, so after the first one only what the entry changes is rendered again;
/// after that first build they write in place, so a page with a broken link is still shown beside the message.
/// </para>
/// </summary>
public sealed class EntryPreview(BuildOptions serve, LocalBackend backend, int port) : IDisposable
{
    /// <summary>Where the editor posts an entry's values.</summary>
    public const string RequestPath = "/admin/backend/preview";

    /// <summary>Where the rendered pages are served from.</summary>
    public const string PagesPath = "/admin/preview";

    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly BuildCache _cache = new();
    private readonly ConcurrentDictionary<string, byte> _changed = new(StringComparer.Ordinal);
    private bool _changesUnknown = true;
    private string? _lastEntry;

    /// <summary>The folder preview builds write to, beside the served one.</summary>
    public string Output { get; } = Path.GetFullPath(serve.Output).TrimEnd(Path.DirectorySeparatorChar) + "-preview";

    public void Dispose() => _building.Dispose();

    /// <summary>A file under input/ or theme/ changed on disk since the last preview build.</summary>
    public void Touched(string file) => _changed[file] = 0;

    /// <summary>Every file must be read again (a watcher overflowed, a folder came back).</summary>
    public void Unknown() => Volatile.Write(ref _changesUnknown, true);

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? refusal = null;
        var status = 200;
        var answer = new ArrayBufferWriter<byte>();
        try
        {
            LocalBackend.Guard(context, port);
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            await AnswerAsync(document.RootElement, answer, context.RequestAborted).ConfigureAwait(false);
        }
        catch (LocalBackend.RefusedException ex)
        {
            (status, refusal) = (ex.Status, ex.Message);
        }
        catch (JsonException)
        {
            (status, refusal) = (400, "The preview request is not JSON the editor sends.");
        }

        if (refusal is not null)
        {
            answer.Clear();
            using var json = new Utf8JsonWriter(answer);
            json.WriteStartObject();
            json.WriteString("error", refusal);
            json.WriteEndObject();
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = answer.WrittenCount;
        await response.Body.WriteAsync(answer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task AnswerAsync(JsonElement request, IBufferWriter<byte> answer, CancellationToken token)
    {
        var paths = SitePaths.From(serve.Input, serve.Theme, serve.Output, serve.DisplayRoot);
        var model = ContentModel.Load(paths, new DiagnosticBag())
            ?? throw new LocalBackend.RefusedException("The content model in input/model/ has errors; the site's own page shows them.");
        var collection = request.TryGetProperty("collection", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        var kind = model.Kind(collection) ?? throw new LocalBackend.RefusedException($"There is no kind of content called '{collection}'.");
        if (!request.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new LocalBackend.RefusedException("The preview request has no values.");
        }

        // The entry's file: the one it was opened from, or the one a new entry will be saved as.
        var title = data.TryGetProperty(kind.TitleField, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var slug = request.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 } opened
            ? Path.GetFileNameWithoutExtension(backend.Inside(opened, mustExist: false))
            : ContentUrls.Slugify(title.Length > 0 ? title : "untitled");
        var file = Path.Combine(paths.FolderOf(kind), slug + ".md");
        var text = FileText(data, EditorConfig.FieldOrder(kind));

        await _building.WaitAsync(token).ConfigureAwait(false);
        BuildResult result;
        try
        {
            var changed = _changed.Keys.ToList();
            foreach (var path in changed)
            {
                _changed.TryRemove(path, out _);
            }

            // The entry previewed last time is read from disk again if it is not the one previewed now.
            if (_lastEntry is not null)
            {
                changed.Add(_lastEntry);
            }

            _lastEntry = file;
            var options = serve with { Output = Output, Cache = _cache, Api = false, Progress = null };
            if (!_cache.InPlace)
            {
                // The first preview builds the saved site, so that later ones write in place and show a page even
                // when the entry has a broken link (a failed build otherwise leaves its folder as it was).
                _cache.ChangedSinceLastBuild(null);
                await SiteBuilder.BuildAsync(options, token).ConfigureAwait(false);
                changed = [file];
                Volatile.Write(ref _changesUnknown, false);
            }

            _cache.ChangedSinceLastBuild(Interlocked.Exchange(ref _changesUnknown, false) ? null : changed);
            result = await SiteBuilder.BuildAsync(options with { Overlay = new Dictionary<string, string> { [file] = text } }, token).ConfigureAwait(false);
        }
        finally
        {
            _building.Release();
        }

        var shown = paths.Display(file);
        var lines = text.Split('\n');
        using var json = new Utf8JsonWriter(answer);
        json.WriteStartObject();
        var page = kind.UrlFor(slug);
        var rendered = Path.Combine(Output, page.Trim('/'), "index.html");
        // An error in the file itself (SITE1xxx: a value the model refuses) means no page was made from these
        // values, and the one on disk is an older preview; a broken link or a missing disclaimer still renders.
        var unrenderable = result.Diagnostics.Any(d => d.Location?.File == shown && d.Severity == Severity.Error && d.Id.StartsWith("SITE1", StringComparison.Ordinal));
        if (File.Exists(rendered) && !unrenderable)
        {
            json.WriteString("url", PagesPath + page);
        }
        else
        {
            json.WriteNull("url");
        }

        json.WriteString("file", shown);
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Location?.File == shown && d.Severity != Severity.Info))
        {
            var line = diagnostic.Location!.Line;
            json.WriteStartObject();
            json.WriteString("severity", diagnostic.Severity == Severity.Error ? "error" : "warning");
            json.WriteString("id", diagnostic.Id);
            json.WriteString("field", FieldAt(lines, line));
            json.WriteString("message", diagnostic.Message);
            json.WriteString("help", diagnostic.Help ?? "");
            json.WriteNumber("line", line);
            json.WriteNumber("column", diagnostic.Location.Column);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumber("elsewhere", result.Diagnostics.Count(d => d.Severity == Severity.Error && d.Location?.File != shown));
        json.WriteEndObject();
    }

    /// <summary>
    /// The file the editor would save for these values: each field written as JSON (which YAML reads as the same
    /// value), then laid out exactly as the editor lays it out, and the body after the front matter.
    /// </summary>
    public static string FileText(JsonElement data, IReadOnlyList<string> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var front = new StringBuilder("---\n");
        var body = "";
        foreach (var field in data.EnumerateObject())
        {
            if (field.Name == "body")
            {
                body = field.Value.ValueKind == JsonValueKind.String ? field.Value.GetString()! : "";
                continue;
            }

            if (field.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            front.Append(field.Name).Append(": ").Append(field.Value.GetRawText().Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
        }

        var text = front.Append("---\n").Append(body).ToString();
        return FrontMatterLayout.Canonical(text, order, out _) ?? text;
    }

    /// <summary>The field a line of the file belongs to: the last "name:" at the start of a line above it, or the body.</summary>
    private static string FieldAt(string[] lines, int line)
    {
        if (line < 1)
        {
            return "";
        }

        var field = "";
        for (var i = 1; i < Math.Min(line, lines.Length); i++)
        {
            if (lines[i] == "---")
            {
                return "body";
            }

            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !char.IsWhiteSpace(lines[i][0]) && lines[i][0] != '-')
            {
                field = lines[i][..colon];
            }
        }

        return line <= lines.Length && line > 1 && lines[line - 1] == "---" ? "body" : field;
    }
}

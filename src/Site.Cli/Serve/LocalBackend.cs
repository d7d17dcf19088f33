using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Site.Cli.Serve;

/// <summary>
/// The editor's local backend, answered by <c>site serve</c> so that editing on one's own computer needs neither
/// Node nor a git host: the protocol Decap CMS speaks when <c>local_backend</c> is on (one JSON POST endpoint with
/// an <c>action</c> and its <c>params</c>, as <c>decap-server</c> answers it).
/// <para>
/// Paths arrive relative to the project folder (<c>input/articles/x.md</c>). Only files inside <c>input/</c> are
/// read or written: an absolute path, a <c>..</c> segment, a backslash or a control character is refused, and so
/// is any path whose folders or file are symbolic links, since a link could lead anywhere. Requests must come from
/// this computer, name this server as their host (no DNS rebinding) and, when a browser says where they come from,
/// come from this server's own pages: another website open in the same browser cannot write content.
/// </para>
/// </summary>
public sealed class LocalBackend(string projectFolder, string inputFolder, Action<string> saved)
{
    private static readonly HashSet<string> EntryExtensions = new(StringComparer.Ordinal) { ".md", ".yml" };
    private static readonly HashSet<string> MediaExtensions = new(StringComparer.Ordinal) { ".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg" };
    private readonly string _project = Path.GetFullPath(projectFolder);
    private readonly string _input = Path.GetFullPath(inputFolder);

    /// <summary>A request the backend refuses, with the sentence the editor shows.</summary>
    public sealed class RefusedException(string message, int status = 422) : Exception(message)
    {
        public int Status { get; } = status;
    }

    public async Task HandleAsync(HttpContext context, int port)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        try
        {
            Guard(context, port);
            using var document = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("action", out var actionValue) || actionValue.ValueKind != JsonValueKind.String)
            {
                throw new RefusedException("The request has no action.");
            }

            var parameters = root.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var body = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(body))
            {
                Answer(actionValue.GetString()!, parameters, json);
            }

            await WriteAsync(context, 200, body.WrittenMemory).ConfigureAwait(false);
        }
        catch (RefusedException ex)
        {
            await WriteErrorAsync(context, ex.Status, ex.Message).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await WriteErrorAsync(context, 400, "The request is not JSON the editor sends.").ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            await WriteErrorAsync(context, 500, $"The file could not be used: {ex.Message}").ConfigureAwait(false);
        }
    }

    /// <summary>Refuses a request that is not from this computer's own editor page (see the class summary).</summary>
    public static void Guard(HttpContext context, int port)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
        {
            throw new RefusedException("The local backend answers only this computer.", 403);
        }

        var host = request.Host.Host;
        if (request.Host.Port != port || host is not ("127.0.0.1" or "localhost" or "[::1]"))
        {
            throw new RefusedException("The local backend answers only requests addressed to this server.", 403);
        }

        if (request.Headers.Origin is { Count: > 0 } origin
            && origin.ToString() is var from
            && from != $"http://127.0.0.1:{port}" && from != $"http://localhost:{port}")
        {
            throw new RefusedException("The local backend answers only the editor served by this server.", 403);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            throw new RefusedException("The local backend answers POST requests only.", 405);
        }

        // A cross-site form or a "simple" fetch cannot send this type without the browser asking first, which this
        // server never allows.
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new RefusedException("The local backend accepts JSON only (Content-Type: application/json).", 415);
        }
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpRequest request, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, token).ConfigureAwait(false);
        return JsonDocument.Parse(buffer.ToArray());
    }

    private void Answer(string action, JsonElement parameters, Utf8JsonWriter json)
    {
        switch (action)
        {
            case "info":
                json.WriteStartObject();
                json.WriteString("repo", Path.GetFileName(_project));
                json.WriteStartArray("publish_modes");
                json.WriteStringValue("simple");
                json.WriteEndArray();
                json.WriteString("type", "local_fs");
                json.WriteEndObject();
                break;
            case "entriesByFolder":
            {
                var folder = Inside(Text(parameters, "folder"), mustExist: false);
                var extension = "." + Text(parameters, "extension").TrimStart('.');
                var depth = parameters.TryGetProperty("depth", out var d) && d.TryGetInt32(out var n) ? Math.Clamp(n, 1, 16) : 1;
                json.WriteStartArray();
                foreach (var file in FilesIn(folder, depth).Where(f => f.EndsWith(extension, StringComparison.Ordinal)))
                {
                    WriteEntry(json, file);
                }

                json.WriteEndArray();
                break;
            }

            case "entriesByFiles":
                json.WriteStartArray();
                foreach (var item in Array(parameters, "files"))
                {
                    var file = Inside(Text(item, "path"), mustExist: false);
                    if (File.Exists(file))
                    {
                        WriteEntry(json, file);
                    }
                }

                json.WriteEndArray();
                break;
            case "getEntry":
            {
                var file = Inside(Text(parameters, "path"), mustExist: false);
                if (File.Exists(file))
                {
                    WriteEntry(json, file);
                }
                else
                {
                    json.WriteStartObject();
                    json.WriteNull("data");
                    json.WriteStartObject("file");
                    json.WriteString("path", Relative(file));
                    json.WriteNull("id");
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                break;
            }

            case "persistEntry":
                PersistEntry(parameters);
                json.WriteStartObject();
                json.WriteString("message", "entry persisted");
                json.WriteEndObject();
                break;
            case "getMedia":
            {
                var folder = Inside(Text(parameters, "mediaFolder"), mustExist: false);
                json.WriteStartArray();
                foreach (var file in FilesIn(folder, 1).Where(f => MediaExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())))
                {
                    WriteMedia(json, file);
                }

                json.WriteEndArray();
                break;
            }

            case "getMediaFile":
                WriteMedia(json, Inside(Text(parameters, "path"), mustExist: true));
                break;
            case "persistMedia":
            {
                var asset = parameters.TryGetProperty("asset", out var a) && a.ValueKind == JsonValueKind.Object ? a : throw new RefusedException("persistMedia needs an asset.");
                var file = WriteAsset(asset);
                WriteMedia(json, file);
                break;
            }

            case "deleteFile":
                Delete(Inside(Text(parameters, "path"), mustExist: false));
                json.WriteStartObject();
                json.WriteString("message", "file deleted");
                json.WriteEndObject();
                break;
            case "deleteFiles":
                foreach (var path in Array(parameters, "paths"))
                {
                    Delete(Inside(path.GetString() ?? "", mustExist: false));
                }

                json.WriteStartObject();
                json.WriteString("message", "files deleted");
                json.WriteEndObject();
                break;
            case "getDeployPreview":
                json.WriteNullValue();
                break;
            default:
                throw new RefusedException($"The local backend does not know the action '{action}'.");
        }
    }

    private void PersistEntry(JsonElement parameters)
    {
        // Decap 3 sends dataFiles; older versions sent a single entry.
        var files = parameters.TryGetProperty("dataFiles", out var many) && many.ValueKind == JsonValueKind.Array
            ? many.EnumerateArray().ToList()
            : parameters.TryGetProperty("entry", out var one) && one.ValueKind == JsonValueKind.Object ? [one] : throw new RefusedException("persistEntry needs the entry to save.");

        // Every path is checked before anything is written, so a refused request changes nothing.
        var writes = new List<(string File, string? Old, byte[] Bytes)>();
        foreach (var item in files)
        {
            var file = Inside(Text(item, "path"), mustExist: false);
            string? old = null;
            if (item.TryGetProperty("newPath", out var moved) && moved.ValueKind == JsonValueKind.String && moved.GetString() is { Length: > 0 } newPath)
            {
                old = file;
                file = Inside(newPath, mustExist: false);
            }

            if (!EntryExtensions.Contains(Path.GetExtension(file)))
            {
                throw new RefusedException($"'{Relative(file)}' is not a content file: the editor saves .md files and site.yml.");
            }

            writes.Add((file, old, Encoding.UTF8.GetBytes(Text(item, "raw"))));
        }

        var assets = parameters.TryGetProperty("assets", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        var media = assets.Select(Asset).ToList();
        foreach (var (file, old, bytes) in writes)
        {
            Write(file, bytes);
            if (old is not null && old != file && File.Exists(old))
            {
                File.Delete(old);
                saved(old);
            }
        }

        foreach (var (file, bytes) in media)
        {
            Write(file, bytes);
        }
    }

    private string WriteAsset(JsonElement asset)
    {
        var (file, bytes) = Asset(asset);
        Write(file, bytes);
        return file;
    }

    private (string File, byte[] Bytes) Asset(JsonElement asset)
    {
        var file = Inside(Text(asset, "path"), mustExist: false);
        if (!MediaExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
        {
            throw new RefusedException($"'{Path.GetFileName(file)}' is not a picture the site can publish: upload a .jpg, .png, .webp, .avif, .gif or .svg file.");
        }

        var content = Text(asset, "content");
        var encoding = asset.TryGetProperty("encoding", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : "base64";
        return (file, encoding == "base64" ? Convert.FromBase64String(content) : Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Writes through a temporary file beside the target, so a build never reads half a file.</summary>
    private void Write(string file, byte[] bytes)
    {
        var folder = Path.GetDirectoryName(file)!;
        Directory.CreateDirectory(folder);
        // The folders just created could not be links, but one created between the check and now could be.
        Inside(Relative(file), mustExist: false);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(file)}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, file, overwrite: true);
        saved(file);
    }

    private void Delete(string file)
    {
        if (File.Exists(file))
        {
            File.Delete(file);
            saved(file);
        }
    }

    /// <summary>
    /// The full path of a path the editor sent, when it is inside input/ with no link on the way; otherwise the
    /// request is refused with the reason.
    /// </summary>
    public string Inside(string path, bool mustExist)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path.Any(char.IsControl) || path.Contains('\\', StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
        {
            throw new RefusedException($"'{path}' is not a path inside input/.");
        }

        if (Path.IsPathRooted(path) || path.StartsWith('/'))
        {
            throw new RefusedException($"'{path}' is an absolute path; the editor may only use files inside input/.");
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or ".."))
        {
            throw new RefusedException($"'{path}' climbs out of its folder with '..'; the editor may only use files inside input/.");
        }

        var full = Path.GetFullPath(Path.Combine(_project, Path.Combine(segments)));
        if (!full.StartsWith(_input + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != _input)
        {
            throw new RefusedException($"'{path}' is outside input/; the editor may only use files inside input/.");
        }

        // No link anywhere from input/ down: a link inside input/ could point at any file on this computer.
        for (var at = full; at.Length > _input.Length; at = Path.GetDirectoryName(at)!)
        {
            FileSystemInfo info = Directory.Exists(at) ? new DirectoryInfo(at) : new FileInfo(at);
            if (info.LinkTarget is not null)
            {
                throw new RefusedException($"'{Relative(at)}' is a symbolic link; the editor does not follow links, which could lead outside input/.");
            }
        }

        if (new DirectoryInfo(_input).LinkTarget is not null)
        {
            throw new RefusedException("input/ itself is a symbolic link; the editor does not follow links.");
        }

        if (mustExist && !File.Exists(full))
        {
            throw new RefusedException($"'{path}' does not exist.", 404);
        }

        return full;
    }

    private static IEnumerable<string> FilesIn(string folder, int depth)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var options = new EnumerationOptions { RecurseSubdirectories = depth > 1, MaxRecursionDepth = depth - 1, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(folder, "*", options)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);
    }

    private string Relative(string full) => Path.GetRelativePath(_project, full).Replace(Path.DirectorySeparatorChar, '/');

    private static string Id(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void WriteEntry(Utf8JsonWriter json, string file)
    {
        var bytes = File.ReadAllBytes(file);
        json.WriteStartObject();
        json.WriteString("data", Encoding.UTF8.GetString(bytes));
        json.WriteStartObject("file");
        json.WriteString("path", Relative(file));
        json.WriteString("id", Id(bytes));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteMedia(Utf8JsonWriter json, string file)
    {
        var bytes = File.ReadAllBytes(file);
        json.WriteStartObject();
        json.WriteString("id", Id(bytes));
        json.WriteBase64String("content", bytes);
        json.WriteString("encoding", "base64");
        json.WriteString("path", Relative(file));
        json.WriteString("name", Path.GetFileName(file));
        json.WriteEndObject();
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new RefusedException($"The request is missing '{name}'.");

    private static JsonElement.ArrayEnumerator Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new RefusedException($"The request is missing the list '{name}'.");

    private static async Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        var body = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(body))
        {
            json.WriteStartObject();
            json.WriteString("error", message);
            json.WriteEndObject();
        }

        return WriteAsync(context, status, body.WrittenMemory);
    }
}

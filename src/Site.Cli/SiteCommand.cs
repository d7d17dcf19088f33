using System.Globalization;
using Site.Engine.Diagnostics;
using Site.Web;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Model;
using Site.Cli.Serve;

namespace Site.Cli;

/// <summary>The <c>site</c> command: parses arguments, runs the build, prints diagnostics and a summary.</summary>
public static class SiteCommand
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var (line, error) = CommandLine.Parse(args);
        if (line is null)
        {
            await stderr.WriteLineAsync($"site: {error}").ConfigureAwait(false);
            return BadUsage;
        }

        switch (line.Command)
        {
            case "help":
                await stdout.WriteLineAsync(line.HelpText).ConfigureAwait(false);

                // The kinds 'site new' accepts are the content model's, when there is one to read here.
                var model = line.HelpText.Contains("Usage:", StringComparison.Ordinal) ? ContentModel.Load(SitePaths.From(line.Build.Input, line.Build.Theme, line.Build.Output), new DiagnosticBag()) : null;
                if (model is not null)
                {
                    await stdout.WriteLineAsync($"\nKinds of content in {line.Build.Input}/model/ (for site new): {string.Join(", ", model.Names)}.").ConfigureAwait(false);
                }

                return Success;
            case "explain":
                return await ExplainAsync(line.Arguments, stdout, stderr).ConfigureAwait(false);
            case "new":
                return await NewAsync(line, stdout, stderr).ConfigureAwait(false);
            case "model":
                return await ModelAsync(line, stdout, stderr).ConfigureAwait(false);
            case "format":
                return await FormatAsync(line, stdout, stderr).ConfigureAwait(false);
            case "serve":
                try
                {
                    await using var server = new DevServer(line.Build, new ServeOptions(line.Port) { Verbose = line.Verbose }, stdout);
                    await server.RunAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (PortInUseException ex)
                {
                    await stderr.WriteLineAsync($"site: {ex.Message}").ConfigureAwait(false);
                    return Failed;
                }

                return Success;
        }

        if (line.Report is { } reportPath && IsInside(reportPath, line.Build.Output))
        {
            await stderr.WriteLineAsync($"site: the report '{reportPath}' would be inside the output folder '{line.Build.Output}', and so published with the site. Write it elsewhere, for example --report build-report.md.").ConfigureAwait(false);
            return BadUsage;
        }

        var progress = new Site.Engine.BuildProgress();
        BuildResult result;
        await using (ProgressLine.Start(progress, line.Format, stderr))
        {
            result = await SiteBuilder.BuildAsync(line.Build with { Progress = progress }, cancellationToken).ConfigureAwait(false);
        }

        var shown = result.Diagnostics.Where(d => d.Severity != Severity.Info || line.Verbose || d.Id == DiagnosticIds.NextScheduled);
        DiagnosticPrinter.Print(shown, line.Format, line.Format == OutputFormat.Json ? stdout : stderr);
        if (line.Verbose)
        {
            foreach (var (finding, why) in result.Suppressed)
            {
                await stdout.WriteLineAsync($"  suppressed: {finding} (reason: {why})").ConfigureAwait(false);
            }

            foreach (var (phase, time) in result.Timings)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {phase,-44} {time.TotalMilliseconds,8:F0} ms")).ConfigureAwait(false);
            }

            if (result.Facts.ImagesEncoded + result.Facts.ImagesReused > 0)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  photos: {result.Facts.ImagesEncoded} file(s) encoded, {result.Facts.ImagesReused} reused from the cache")).ConfigureAwait(false);
            }

            var gc = GC.GetGCMemoryInfo(GCKind.Any);
            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F0} MB; collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms; heap {gc.HeapSizeBytes / 1048576.0:F0} MB; JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms")).ConfigureAwait(false);
        }

        var failed = result.Errors > 0 || (line.Build.WarningsAsErrors && result.Warnings > 0);
        if (line.Report is { } report)
        {
            try
            {
                await File.WriteAllTextAsync(report, BuildReport.Write(result, report, line.Build.WarningsAsErrors), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"site: the report could not be written to '{report}': {ex.Message}").ConfigureAwait(false);
                failed = true;
            }
        }

        var what = line.Command == "build"
            ? failed ? "Build failed; output was left as it was" : $"Built {result.FilesWritten} files into {line.Build.Output}"
            : failed ? "Check failed" : "Check passed";
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {result.Warnings} warning(s), {result.Errors} error(s){(result.Suppressed.IsEmpty ? "" : $", {result.Suppressed.Length} suppressed (--verbose lists them)")} in {result.Elapsed.TotalSeconds:F2} s.");
        await (line.Format == OutputFormat.Json ? stderr : stdout).WriteLineAsync(summary).ConfigureAwait(false);
        return failed ? Failed : Success;
    }

    private static async Task<int> NewAsync(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var paths = SitePaths.From(line.Build.Input, line.Build.Theme, line.Build.Output);
        var request = new ScaffoldRequest(line.Arguments[0], line.Arguments[1], line.Values.Remove("id"), line.Values.GetValueOrDefault("id"));
        var (path, error) = Scaffold.Create(paths, request, DateTimeOffset.UtcNow);
        if (path is null)
        {
            await stderr.WriteLineAsync($"site: {error}").ConfigureAwait(false);
            return Failed;
        }

        await stdout.WriteLineAsync($"Created {paths.Display(path)} as a draft. Preview it with 'site serve'; remove 'draft: true' to publish.").ConfigureAwait(false);
        return Success;
    }

    /// <summary>The folders and the content model, with the model's problems printed; null when it cannot be used.</summary>
    private static (SitePaths Paths, ContentModel? Model) LoadModel(CommandLine line, TextWriter stderr)
    {
        var paths = SitePaths.From(line.Build.Input, line.Build.Theme, line.Build.Output);
        var diagnostics = new DiagnosticBag();
        var model = ContentModel.Load(paths, diagnostics);
        DiagnosticPrinter.Print(diagnostics.Sorted(), OutputFormat.Text, stderr);
        return (paths, model);
    }

    private static async Task<int> ModelAsync(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var (paths, model) = LoadModel(line, stderr);
        if (model is null)
        {
            return Failed;
        }

        if (!line.JsonSchema)
        {
            await stdout.WriteAsync(ModelDescription.ForPeople(model)).ConfigureAwait(false);
            return Success;
        }

        try
        {
            Directory.CreateDirectory(paths.Output);
            foreach (var kind in model.Kinds)
            {
                var file = Path.Combine(paths.Output, kind.Name + ".schema.json");
                await File.WriteAllTextAsync(file, ModelDescription.SchemaText(kind)).ConfigureAwait(false);
                await stdout.WriteLineAsync($"Wrote {paths.Display(file)}").ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"site: could not write the schemas to {paths.Display(paths.Output)}: {ex.Message}").ConfigureAwait(false);
            return Failed;
        }

        return Success;
    }

    private static async Task<int> FormatAsync(CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var (paths, model) = LoadModel(line, stderr);
        if (model is null)
        {
            return Failed;
        }

        IReadOnlyList<FormatOutcome> outcomes;
        try
        {
            outcomes = ContentFormat.Run(paths, model, write: !line.CheckOnly);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"site: could not rewrite a file: {ex.Message}").ConfigureAwait(false);
            return Failed;
        }

        foreach (var outcome in outcomes.Where(o => o.Problem is not null))
        {
            await stderr.WriteLineAsync($"{outcome.File}: left as it is, because {outcome.Problem}.").ConfigureAwait(false);
        }

        var changed = outcomes.Where(o => o.Changed).ToList();
        foreach (var outcome in changed)
        {
            await stdout.WriteLineAsync(line.CheckOnly ? $"{outcome.File}: not in the editor's layout" : $"Formatted {outcome.File}").ConfigureAwait(false);
        }

        var unchanged = outcomes.Count - changed.Count - outcomes.Count(o => o.Problem is not null);
        await stdout.WriteLineAsync((line.CheckOnly, changed.Count) switch
        {
            (_, 0) => $"All {unchanged} content file(s) are in the editor's layout.",
            (true, _) => $"{changed.Count} file(s) are not in the editor's layout ({unchanged} are). Run 'site format' to lay them out.",
            _ => $"Formatted {changed.Count} file(s); {unchanged} were already in the editor's layout.",
        }).ConfigureAwait(false);
        var problems = outcomes.Any(o => o.Problem is not null);
        return problems || (line.CheckOnly && changed.Count > 0) ? Failed : Success;
    }

    private static async Task<int> ExplainAsync(IReadOnlyList<string> ids, TextWriter stdout, TextWriter stderr)
    {
        var entries = DiagnosticIds.All;
        if (ids.Count > 0)
        {
            entries = [.. entries.Where(e => ids.Contains(e.Id, StringComparer.OrdinalIgnoreCase))];
            if (entries.Count == 0)
            {
                await stderr.WriteLineAsync($"site: no diagnostic is called '{ids[0]}'. Run 'site explain' for the list.").ConfigureAwait(false);
                return BadUsage;
            }
        }

        foreach (var entry in entries)
        {
            var example = entry.Example is null ? "" : $"\n          Example: {entry.Example.Replace("\n", "\n                   ", StringComparison.Ordinal)}";
            await stdout.WriteLineAsync($"{entry.Id}  {entry.Title}{example}\n          Fix: {entry.Fix}").ConfigureAwait(false);
        }

        return Success;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it.</summary>
    private static bool IsInside(string path, string folder)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) || full == root.TrimEnd(Path.DirectorySeparatorChar);
    }
}

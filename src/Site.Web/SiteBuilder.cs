using System.Collections.Immutable;
using System.Diagnostics;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Theme;

namespace Site.Web;

/// <summary>The outcome of a build.</summary>
/// <param name="Diagnostics">Every problem, sorted by file and line.</param>
/// <param name="FilesWritten">Files in the new output folder (0 when nothing was written).</param>
/// <param name="Elapsed">Wall time of the whole build.</param>
/// <param name="Timings">Wall time per phase.</param>
public sealed record BuildResult(ImmutableArray<Diagnostic> Diagnostics, int FilesWritten, TimeSpan Elapsed, ImmutableArray<KeyValuePair<string, TimeSpan>> Timings)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// Builds the site: reads site.yml and the theme, runs the pipelines into a fresh folder, and swaps that folder
/// in only when no error was reported, so a failed build leaves the previous site untouched.
/// </summary>
public static class SiteBuilder
{
    public static async Task<BuildResult> BuildAsync(BuildOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var timings = ImmutableArray.CreateBuilder<KeyValuePair<string, TimeSpan>>();
        var paths = SitePaths.From(options.Input, options.Theme, options.Output, options.DisplayRoot);

        var settings = LoadSettings(paths, options, diagnostics);
        var assets = AssetManifest.Load(paths);
        var theme = ThemeTemplates.Load(paths, assets, diagnostics);
        timings.Add(KeyValuePair.Create("settings and theme", clock.Elapsed));
        if (settings is null || theme is null || diagnostics.HasErrors)
        {
            return Finish(0);
        }

        OutputFolder? folder = null;
        if (options.WriteOutput)
        {
            var refusal = OutputFolder.TryPrepare(paths.Output, ProtectedFolders(paths), out folder);
            if (refusal is not null)
            {
                diagnostics.Error(DiagnosticIds.OutputRefused, null, refusal);
                return Finish(0);
            }
        }

        var staging = folder?.Staging ?? Path.Combine(Path.GetTempPath(), "site-check-unused");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(options.Now ?? DateTimeOffset.UtcNow, settings.TimeZone).DateTime);
        try
        {
            var engine = new Engine.Engine(SitePipelines.Create(paths, settings, theme, assets, options, today));
            var result = await engine.RunAsync(diagnostics, staging, cancellationToken).ConfigureAwait(false);
            timings.AddRange(result.Timings.Select(t => KeyValuePair.Create(t.Key.ToString(), t.Value)));
            timings.AddRange(result.ModuleTimings.Take(12).Select(t => KeyValuePair.Create("  " + t.Key, t.Value)));
            var failed = diagnostics.HasErrors || (options.WarningsAsErrors && diagnostics.Sorted().Any(d => d.Severity == Severity.Warning));
            if (folder is null)
            {
                return Finish(0);
            }

            if (failed)
            {
                folder.Abandon();
                return Finish(0);
            }

            var written = result.Documents.First(p => p.Key == SitePipelines.Output).Value.Count(d => d.Destination is not null);
            folder.Commit();
            return Finish(written);
        }
        catch
        {
            folder?.Abandon();
            throw;
        }

        BuildResult Finish(int written) => new(diagnostics.Sorted(), written, clock.Elapsed, timings.ToImmutable());
    }

    /// <summary>Folders the output must never be, nor contain: the sources, the code, and the repository itself.</summary>
    public static IEnumerable<string> ProtectedFolders(SitePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var root = Path.GetDirectoryName(paths.Input)!;
        return [paths.Input, paths.Theme, Path.Combine(root, "src"), root];
    }

    /// <summary>Reads and checks input/site.yml.</summary>
    public static SiteSettings? LoadSettings(SitePaths paths, BuildOptions options, DiagnosticBag diagnostics)
    {
        var shown = paths.Display(paths.SiteFile);
        if (!File.Exists(paths.SiteFile))
        {
            diagnostics.Error(
                DiagnosticIds.SettingsMissing,
                SourceLocation.OfFile(shown),
                Directory.Exists(paths.Input) ? "The site settings file is missing." : $"The input folder '{paths.Display(paths.Input)}' does not exist.",
                "Run the command from the repository root, or pass --input.");
            return null;
        }

        var source = new YamlSource(shown, 0);
        var map = source.Parse(File.ReadAllText(paths.SiteFile), diagnostics);
        return map is null ? null : SiteSettings.Read(new YamlFields(map, source, diagnostics, "site.yml"), options.BaseUrl);
    }
}

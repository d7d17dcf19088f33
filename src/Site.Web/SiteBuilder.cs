using System.Collections.Immutable;
using System.Diagnostics;
using Site.Engine;
using Site.Engine.Diagnostics;
using Site.Engine.Pipelines;
using Site.Web.Content;
using Site.Web.Diagnostics;
using Site.Web.Model;
using Site.Web.Theme;

namespace Site.Web;

/// <summary>The outcome of a build.</summary>
/// <param name="Diagnostics">Every problem, sorted by file and line.</param>
/// <param name="FilesWritten">Files in the new output folder (0 when nothing was written).</param>
/// <param name="Elapsed">Wall time of the whole build.</param>
/// <param name="Timings">Wall time per phase.</param>
public sealed record BuildResult(ImmutableArray<Diagnostic> Diagnostics, int FilesWritten, TimeSpan Elapsed, ImmutableArray<KeyValuePair<string, TimeSpan>> Timings)
{
    /// <summary>Findings not reported because an item suppressed them with a reason, or site.yml turned them off.</summary>
    public ImmutableArray<SuppressedFinding> Suppressed { get; init; } = [];

    /// <summary>What the build learnt about the content, for <see cref="BuildReport"/>.</summary>
    public BuildFacts Facts { get; init; } = new();

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
        ImmutableArray<Diagnostic> reported = default;
        ImmutableArray<SuppressedFinding> suppressed = [];
        var facts = new BuildFacts { ExternalChecked = options.CheckExternal };
        var timings = ImmutableArray.CreateBuilder<KeyValuePair<string, TimeSpan>>();
        var paths = SitePaths.From(options.Input, options.Theme, options.Output, options.DisplayRoot) with { Overlay = options.Overlay };

        var settings = LoadSettings(paths, options, diagnostics);
        var model = ContentModel.Load(paths, diagnostics);
        var assets = AssetManifest.Load(paths, diagnostics);
        var pictures = new Images.PicturePlan(new Images.ImageSizes(paths), settings?.Images ?? new ImageSettings(5, 6000));
        var theme = ThemeTemplates.Load(paths, assets, diagnostics, model?.Kinds.SelectMany(k => k.ListPage is { } list ? [k.Layout, list.Layout] : new[] { k.Layout }) ?? [], pictures);
        timings.Add(KeyValuePair.Create("settings, model and theme", clock.Elapsed));
        if (settings is null || model is null || theme is null || diagnostics.HasErrors)
        {
            return Finish(0);
        }

        var cache = options.Cache;
        var inPlace = cache is { InPlace: true } && options.WriteOutput;
        OutputFolder? folder = null;
        IDisposable? inPlaceLock = null;
        if (inPlace)
        {
            var refusal = OutputFolder.TryLock(paths.Output, out inPlaceLock);
            if (refusal is not null)
            {
                diagnostics.Error(DiagnosticIds.OutputRefused, null, refusal);
                return Finish(0);
            }
        }
        else if (options.WriteOutput)
        {
            var refusal = OutputFolder.TryPrepare(paths.Output, ProtectedFolders(paths), out folder);
            if (refusal is not null)
            {
                diagnostics.Error(DiagnosticIds.OutputRefused, null, refusal);
                return Finish(0);
            }
        }

        var outputRoot = inPlace ? Path.GetFullPath(paths.Output) : folder?.Staging ?? Path.Combine(Path.GetTempPath(), "site-check-unused");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(options.Now ?? DateTimeOffset.UtcNow, settings.TimeZone).DateTime);
        BodyStore? bodies = null;
        try
        {
            // Inside the try from here on: whatever fails, the lock on the output folder is released below.
            var inputs = "";
            if (cache is not null)
            {
                inputs = Inputs(paths, options, today, settings);
                foreach (var memo in cache.All)
                {
                    memo.BeginBuild();
                }

                if (!inPlace)
                {
                    cache.ForgetWritten(); // a reused page would not be in the new staging folder
                }
            }

            facts.Today = today;
            facts.Settings = settings;
            var encoder = new Images.ImageEncoder(SitePipelines.ImageCache(paths, options));
            // A one-off build keeps rendered bodies in a file beside its staging folder until they are used; site
            // serve keeps them in memory with the rest of its cache (its documents outlive the build, the store would
            // not), and site check writes nowhere.
            bodies = folder is null || cache is not null ? null : BodyStore.TryCreate(Path.GetDirectoryName(Path.GetFullPath(folder.Staging))!);
            var engine = new Engine.Engine(SitePipelines.Create(paths, model, settings, theme, assets, options, today, pictures, encoder, inputs, facts, bodies)) { Progress = options.Progress, OutputIsLive = inPlace };
            var result = await engine.RunAsync(diagnostics, outputRoot, cancellationToken).ConfigureAwait(false);
            facts.ImagesEncoded = encoder.Encoded;
            facts.ImagesReused = encoder.Reused;
            timings.AddRange(result.Timings.Select(t => KeyValuePair.Create(t.Key.ToString(), t.Value)));
            timings.AddRange(result.ModuleTimings.Take(12).Select(t => KeyValuePair.Create("  " + t.Key, t.Value)));
            var suppressions = model.Kinds
                .SelectMany(k => result.Documents.FirstOrDefault(p => p.Key == SitePipelines.ContentPipeline(k)).Value is { IsDefault: false } documents ? documents : [])
                .Select(d => d.Model).OfType<ContentItem>().SelectMany(i => i.Suppressions).ToList();
            facts.Published = [.. model.Kinds
                .SelectMany(k => result.Documents.FirstOrDefault(p => p.Key == SitePipelines.ContentPipeline(k)).Value is { IsDefault: false } documents ? documents : [])
                .Select(d => d.Model).OfType<ContentItem>().Where(i => !i.Incomplete)];
            Policy(suppressions);
            var failed = reported.Any(d => d.Severity == Severity.Error) || (options.WarningsAsErrors && reported.Any(d => d.Severity == Severity.Warning));
            if (cache is not null)
            {
                foreach (var memo in cache.All)
                {
                    memo.EndBuild();
                }

                cache.EndReading();

                if (failed)
                {
                    // Pages written in place by a failed build may not match any stored result: render all next time.
                    cache.ForgetWritten();
                }
            }

            var destinations = result.Documents.First(p => p.Key == SitePipelines.Output).Value
                .Where(d => d.Destination is not null).Select(d => d.Destination!).ToList();
            if (inPlace)
            {
                if (!failed)
                {
                    RemoveStale(outputRoot, destinations, cache!.Written);
                    cache.Written = [.. destinations];
                }

                return Finish(failed ? 0 : destinations.Count);
            }

            if (folder is null)
            {
                return Finish(0);
            }

            if (failed)
            {
                folder.Abandon();
                return Finish(0);
            }

            var refused = folder.Commit(out var leftover);
            if (refused is not null)
            {
                diagnostics.Error(DiagnosticIds.FileAccess, null, refused, "Check that the folder is writable and the disk has space, then build again.");
                Policy(suppressions);
                cache?.ForgetWritten();
                return Finish(0);
            }

            if (leftover is not null)
            {
                diagnostics.Warning(DiagnosticIds.FileAccess, null, leftover);
                Policy(suppressions);
            }

            if (cache is not null)
            {
                cache.InPlace = true;
                cache.Written = [.. destinations];
            }

            return Finish(destinations.Count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file that could not be read or written anywhere in the build (a disk that filled up, a folder made
            // read-only underneath it): the previous site stays, and the message names the path and the cause.
            folder?.Abandon();
            cache?.ForgetWritten();
            diagnostics.Error(DiagnosticIds.FileAccess, null, $"The build stopped: {ex.Message}", "Check that the disk has space and the folders are readable and writable, then build again; the previous site was left as it was.");
            reported = default;
            return Finish(0);
        }
        catch
        {
            folder?.Abandon();
            cache?.ForgetWritten();
            throw;
        }
        finally
        {
            bodies?.Dispose();
            folder?.Dispose();
            inPlaceLock?.Dispose();
        }

        // Severities from site.yml and items' suppressions, applied once to everything the build found.
        void Policy(IReadOnlyCollection<Suppression> suppressions)
        {
            var notRun = options.CheckExternal ? null : new HashSet<string> { DiagnosticIds.BrokenExternalLink, DiagnosticIds.UnverifiedExternalLink };
            var (kept, hidden) = DiagnosticPolicy.Apply(diagnostics.Sorted(), settings?.Severities ?? ImmutableDictionary<string, Severity?>.Empty, suppressions, notRun);
            var sorted = new DiagnosticBag();
            foreach (var diagnostic in kept)
            {
                sorted.Add(diagnostic);
            }

            reported = sorted.Sorted();
            suppressed = hidden;
        }

        BuildResult Finish(int written)
        {
            if (reported.IsDefault)
            {
                Policy([]);
            }

            return new(reported, written, clock.Elapsed, timings.ToImmutable()) { Suppressed = suppressed, Facts = facts };
        }
    }

    /// <summary>Folders the output must never be, nor contain: the sources, the code, and the repository itself.</summary>
    /// <summary>
    /// Everything outside content files that pages are made from, as text for <c>site serve</c>'s fingerprints:
    /// options, the day, site.yml, and every theme, model and asset file by name, size and time of last change.
    /// </summary>
    private static string Inputs(SitePaths paths, BuildOptions options, DateOnly today, SiteSettings settings)
    {
        var text = new System.Text.StringBuilder();
        text.Append(options.Drafts).Append(options.Future).Append(options.Preview).Append(options.BaseUrl).Append('|').Append(today.DayNumber).Append('\n');
        text.Append(File.ReadAllText(paths.SiteFile));
        if (settings.AdvertisingChoice?.Value is { } rules && rules.EndsWith(".yml", StringComparison.Ordinal) && File.Exists(Path.Combine(paths.Input, rules)))
        {
            // The clinic's own advertising rules decide the item checks' findings, which serve reuses.
            text.Append('\n').Append(File.ReadAllText(Path.Combine(paths.Input, rules)));
        }

        foreach (var folder in new[] { paths.Theme, paths.Model, Path.Combine(paths.Input, "assets") }.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                text.Append('\n').Append(file).Append(' ').Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks);
            }
        }

        return Modules.Html.ComputeFingerprint.Hash(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>After an in-place build, removes the files of earlier builds that this one did not produce.</summary>
    /// <param name="previous">What the last build wrote, when known: only those files can be stale, so the output
    /// folder is not listed (21,000 files at 10,000 articles).</param>
    private static void RemoveStale(string root, List<string> destinations, HashSet<string>? previous)
    {
        if (previous is not null)
        {
            var current = destinations.ToHashSet(StringComparer.Ordinal);
            foreach (var stale in previous.Where(d => !current.Contains(d)))
            {
                File.Delete(Path.Combine(root, stale));
            }

            return;
        }

        var produced = new HashSet<string>(destinations.Select(d => Path.GetFullPath(Path.Combine(root, d))), StringComparer.Ordinal)
        {
            Path.Combine(root, OutputFolder.MarkerName),
        };
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            if (!produced.Contains(file))
            {
                File.Delete(file);
            }
        }
    }

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

        if (!SourceFiles.IsInside(paths.SiteFile, paths.Input))
        {
            diagnostics.Error(DiagnosticIds.OutsideSources, SourceLocation.OfFile(shown), $"'{shown}' is a link to a file outside {paths.Display(paths.Input)}/, so it is not read.", "Replace the link with the settings file itself.");
            return null;
        }

        var source = new YamlSource(shown, 0);
        var map = SourceText.Read(paths.SiteFile, shown, diagnostics) is { } text ? source.Parse(text, diagnostics) : null;
        var settings = map is null ? null : SiteSettings.Read(new YamlFields(map, source, diagnostics, "site.yml"), options.BaseUrl);
        return settings?.AdvertisingChoice is { } choice && Checks.Advertising.AdvertisingProfile.Load(choice.Value, choice.Location, paths, diagnostics) is { } profile
            ? settings with { Advertising = profile }
            : settings;
    }
}

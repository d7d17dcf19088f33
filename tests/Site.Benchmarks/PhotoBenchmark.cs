using System.Diagnostics;
using System.Globalization;

namespace Site.Benchmarks;

/// <summary>What photo mode needs from the command line and the harness.</summary>
internal sealed record PhotoSettings(string Work, string Repository, string Site, IReadOnlyList<int> Sizes, int Runs, int Photos, bool Hugo);

/// <summary>
/// Photo mode (--photos N): the first N articles each show their own 4000 x 3000 photo, which each tool resizes
/// into the widths a page offers. Reported: each tool's cold build (image caches removed first), warm rebuild
/// (caches kept from the cold build just before it), and the same corpus without photos, all taking turns as
/// the plain builds do; then what a phone downloads for an article with a photo, against the same page
/// serving the original photo.
/// </summary>
internal static class PhotoBenchmark
{
    /// <summary>
    /// Where the photos are kept between runs: outside each run's work folder, which is removed, because
    /// making fifty takes minutes. The number goes up whenever <see cref="Photos"/> draws them differently.
    /// </summary>
    private static readonly string PhotoFolder = Path.Combine(Path.GetTempPath(), "site-bench-photos-1");

    private const string SiteBuild = "build --input input --theme theme --output output --warnaserror";

    public static void Run(PhotoSettings settings, Func<List<Tool>, int, List<Result>> measure)
    {
        var clock = Stopwatch.StartNew();
        var missing = Enumerable.Range(1, settings.Photos).Count(n => !File.Exists(Path.Combine(PhotoFolder, Photos.FileName(n))));
        var originals = Photos.Ensure(PhotoFolder, settings.Photos);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Photos: {settings.Photos} of {Photos.Width} x {Photos.Height}, JPEG quality 90, {originals.Average(f => new FileInfo(f).Length) / 1048576:F1} MB on average, in {PhotoFolder} ({missing} made now in {clock.Elapsed.TotalSeconds:F0} s, the rest reused)"));
        Console.WriteLine();
        Console.WriteLine("| articles | tool | build | median wall | min | pages/s | peak memory |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|");
        var notes = new List<string>();
        var weights = new List<string>();
        foreach (var count in settings.Sizes)
        {
            if (settings.Photos > count)
            {
                throw new InvalidOperationException($"--photos {settings.Photos} is more than --articles {count}: each photo goes to an article of its own.");
            }

            var ours = Path.Combine(settings.Work, $"ours-{count}");
            var plain = Path.Combine(settings.Work, $"ours-{count}-without-photos");
            Corpus.WriteOurs(ours, count, settings.Repository, originals);
            Corpus.WriteOurs(plain, count, settings.Repository);
            var site = new Tool("site", settings.Site, SiteBuild, ours, Path.Combine(ours, "output")) { Build = "cold", Clear = [Path.Combine(ours, ".site-cache")] };
            var sitePlain = new Tool("site", settings.Site, SiteBuild, plain, Path.Combine(plain, "output")) { Build = "without photos", Clear = [Path.Combine(plain, ".site-cache")] };

            // In each turn a tool's warm rebuild follows its own cold build, so it starts from the cache that
            // build left, as an editor's next build would.
            var tools = new List<Tool> { site };
            Tool? hugo = null;
            if (settings.Hugo)
            {
                var hugoRoot = Path.Combine(settings.Work, $"hugo-{count}");
                var hugoPlain = Path.Combine(settings.Work, $"hugo-{count}-without-photos");
                Corpus.WriteHugo(hugoRoot, count, originals);
                Corpus.WriteHugo(hugoPlain, count, []);
                hugo = Hugo(hugoRoot, "cold");
                tools.Add(hugo);
                tools.Add(site with { Build = "warm", Clear = [] });
                tools.Add(hugo with { Build = "warm", Clear = [] });
                tools.Add(sitePlain);
                tools.Add(Hugo(hugoPlain, "without photos"));
            }
            else
            {
                tools.Add(site with { Build = "warm", Clear = [] });
                tools.Add(sitePlain);
            }

            var results = measure(tools, settings.Runs);
            foreach (var (tool, result) in tools.Zip(results))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {count} | {tool.Name} | {tool.Build} | {result.Median:F2} s | {result.Min:F2} s | {result.Pages / result.Median:F0} | {result.PeakMb:F0} MB |"));
            }

            Result Of(string name, string build) => results[tools.FindIndex(t => t.Name == name && t.Build == build)];
            foreach (var name in tools.Select(t => t.Name).Distinct())
            {
                foreach (var build in (string[])["cold", "warm"])
                {
                    Console.WriteLine(Difference(count, name, $"{settings.Photos} photos add, {build}", Of(name, build), Of(name, "without photos")));
                }
            }

            if (hugo is not null)
            {
                foreach (var build in (string[])["cold", "warm", "without photos"])
                {
                    Console.WriteLine(Ratio(count, build, Of("site", build), Of("hugo", build)));
                }
            }

            // The output as the last build (warm) left it: after a cold build it is the same.
            notes.Add($"{count} articles, images in the output: site {Images(site.Output)}{(hugo is null ? "" : $"; hugo {Images(hugo.Output)}")}");
            foreach (var tool in new[] { site, hugo }.OfType<Tool>())
            {
                weights.Add(Weigh(count, tool, originals));
            }
        }

        Console.WriteLine();
        foreach (var note in notes)
        {
            Console.WriteLine(note);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"What a phone {PageWeight.Viewport} CSS px wide at {PageWeight.PixelRatio}x downloads for an article page with a photo: HTML, its stylesheets and the picture it chooses from the page's markup, as the files are on disk; the mean of the {settings.Photos} such pages, against the same pages serving the original photo.{(settings.Hugo ? " Hugo's plain templates link no stylesheet, and Debian's hugo encodes WebP but not AVIF." : "")}"));
        Console.WriteLine();
        Console.WriteLine("| articles | tool | picture the phone takes (first page) | HTML | CSS | picture | page | with the original photo | saved |");
        Console.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in weights)
        {
            Console.WriteLine(row);
        }
    }

    /// <summary>
    /// Hugo with its caches in the site's folder: resources/_gen holds the resized images, the cache folder
    /// (given, so it is not shared with other Hugo sites) anything else Hugo keeps between builds.
    /// </summary>
    private static Tool Hugo(string root, string build)
    {
        var cache = Path.Combine(root, ".hugo-cache");
        return new Tool("hugo", "hugo", $"--quiet --destination public --cacheDir \"{cache}\"", root, Path.Combine(root, "public"))
        {
            Build = build,
            Clear = [Path.Combine(root, "resources", "_gen"), cache],
        };
    }

    private static string Difference(int count, string name, string label, Result with, Result without)
    {
        var turns = with.Times.Zip(without.Times, (a, b) => a - b).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {name} | {label} | {with.Median - without.Median:+0.00;-0.00} s, {(with.Median / without.Median - 1) * 100:+0;-0}% (median of turns {turns[turns.Count / 2]:+0.00;-0.00} s) | | | {with.PeakMb - without.PeakMb:+0;-0} MB |");
    }

    private static string Ratio(int count, string build, Result site, Result hugo)
    {
        var turns = site.Times.Zip(hugo.Times, (a, b) => a / b).Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {count} | site/hugo | {build} | {site.Median / hugo.Median:F2}x (median of turns {turns[turns.Count / 2]:F2}x) | | | {site.PeakMb / hugo.PeakMb:F2}x |");
    }

    /// <summary>How many pictures of each format a build wrote, and their size, to show whether it resized at all.</summary>
    private static string Images(string output)
    {
        var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => new FileInfo(f))
            .Where(f => f.Extension.ToUpperInvariant() is ".AVIF" or ".WEBP" or ".JPG" or ".JPEG" or ".PNG")
            .ToList();
        var kinds = files.GroupBy(f => f.Extension.TrimStart('.').ToUpperInvariant() switch { "JPG" => "JPEG", "WEBP" => "WebP", var e => e })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        return $"{string.Join(", ", kinds)} ({Size(files.Sum(f => f.Length))})";
    }

    private static string Weigh(int count, Tool tool, IReadOnlyList<string> originals)
    {
        var pages = originals.Select((original, i) => PageWeight.Of(tool.Output, $"/articles/{Corpus.Slug(i + 1)}/", Corpus.ImageAlt(i + 1), original)).ToList();
        double Mean(Func<Weight, long> of) => pages.Average(p => (double)of(p));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {count} | {tool.Name} | {pages[0].Choice.Describe()} | {Size(Mean(p => p.Html))} | {(Mean(p => p.Css) == 0 ? "none" : Size(Mean(p => p.Css)))} | {Size(Mean(p => p.Image))} | {Size(Mean(p => p.Total))} | {Size(Mean(p => p.Before))} | {(1 - Mean(p => p.Total) / Mean(p => p.Before)) * 100:F0}% |");
    }

    private static string Size(double bytes) => bytes >= 1048576
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576:F2} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:F1} KB");
}

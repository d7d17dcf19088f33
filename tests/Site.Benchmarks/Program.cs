using System.Diagnostics;
using System.Globalization;
using Site.Benchmarks;

// Builds generated corpora with the published `site` binary as a whole process, several times, and reports
// median wall time, pages per second and peak memory; with --hugo it builds the same corpus with Debian's
// hugo in the same run, twice: with templates like ours (related articles included) and with minimal ones
// (article, paged lists, tag pages), and reports both ratios. Our build also takes turns without the content API, to report
// what the API adds. With --photos N, the first N articles each show a 4000 x 3000 photo instead, and each tool's
// cold build (image caches removed), warm rebuild and build without photos take turns, followed by what a phone
// downloads for an article with a photo (see PhotoBenchmark.cs). Usage:
//   dotnet run -c Release --project tests/Site.Benchmarks -- [--articles 1000,10000] [--runs 5] [--hugo] [--keep] [--photos 50]
var sizes = new List<int> { 1000, 10000 };
var runs = 5;
var hugo = false;
var keep = false;
var photos = 0;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--articles":
            sizes = [.. args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
            break;
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--hugo":
            hugo = true;
            break;
        case "--keep":
            keep = true;
            break;
        case "--photos":
            photos = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}");
            return 2;
    }
}

var repository = FindRoot();
var work = Directory.CreateTempSubdirectory("site-bench-").FullName;
var published = Path.Combine(work, "bin");
Console.WriteLine($"Publishing site (Release, native AOT as Site.Cli.csproj sets it) to {published} ...");
Run("dotnet", $"publish \"{Path.Combine(repository, "src", "Site.Cli")}\" -c Release -o \"{published}\" --nologo -v q", repository);
var site = Path.Combine(published, "site");

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; runs per measurement: {runs}; hugo: {(hugo ? HugoVersion() : "not run")}; page cache dropped before each run: {(Program.CanDropCaches ? "yes" : "no (not root)")}");
Console.WriteLine();
if (photos > 0)
{
    PhotoBenchmark.Run(new(work, repository, site, sizes, runs, photos, hugo), Measure);
}
else
{
    Console.WriteLine("| articles | tool | median wall | min | pages/s | peak memory |");
    Console.WriteLine("|---:|---|---:|---:|---:|---:|");
    foreach (var count in sizes)
    {
        var ours = Path.Combine(work, $"ours-{count}");
        Corpus.WriteOurs(ours, count, repository);
        var tools = new List<Tool> { new("site", site, "build --input input --theme theme --output output --warnaserror", ours, Path.Combine(ours, "output")) };

        // The same build without the content API, taking turns with the others, to report what the API adds.
        tools.Add(tools[0] with { Name = "site without the API", WithoutApi = true });
        if (hugo)
        {
            var hugoRoot = Path.Combine(work, $"hugo-{count}");
            Corpus.WriteHugo(hugoRoot, count, perPage: SamplePerPage(repository));
            tools.Add(new("hugo", "hugo", "--quiet --destination public", hugoRoot, Path.Combine(hugoRoot, "public")));
            // The same articles with minimal templates (article, paged lists, tag pages; no related articles).
            var minimalRoot = Path.Combine(work, $"hugo-minimal-{count}");
            Corpus.WriteHugo(minimalRoot, count, minimal: true, perPage: SamplePerPage(repository));
            tools.Add(new("hugo (minimal)", "hugo", "--quiet --destination public", minimalRoot, Path.Combine(minimalRoot, "public")));
        }

        // The sample's own photos (the home page's) are resized once before timing, as a deploy finds them in
        // Netlify's cache: otherwise the first turn of "site" alone would pay for them, and the API would seem to.
        // --photos measures resizing, cold, separately.
        if (photos == 0)
        {
            Once(tools[0]);
        }

        // The tools take turns (site, hugo, site, hugo...), so a noisy minute on a shared machine slows both
        // alike; the ratio is also given as the median of each turn's own ratio.
        var results = Measure(tools, runs);
        foreach (var (tool, result) in tools.Zip(results))
        {
            Report(count, tool.Name, result);
        }

        var apiTurns = results[0].Times.Zip(results[1].Times, (a, b) => a / b).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {count} | the API adds | {(results[0].Median / results[1].Median - 1) * 100:+0;-0}% (median of turns {(apiTurns[apiTurns.Count / 2] - 1) * 100:+0;-0}%) | | | {results[0].PeakMb - results[1].PeakMb:+0;-0} MB |"));
        if (hugo)
        {
            var perTurn = results[0].Times.Zip(results[2].Times, (a, b) => a / b).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count} | site/hugo | {results[0].Median / results[2].Median:F2}x (median of turns {perTurn[perTurn.Count / 2]:F2}x) | | | {results[0].PeakMb / results[2].PeakMb:F2}x |"));
            var perMinimalTurn = results[0].Times.Zip(results[3].Times, (a, b) => a / b).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {count} | site/hugo (minimal) | {results[0].Median / results[3].Median:F2}x (median of turns {perMinimalTurn[perMinimalTurn.Count / 2]:F2}x) | | | {results[0].PeakMb / results[3].PeakMb:F2}x |"));
        }
    }
}

Console.WriteLine();
var largest = Path.Combine(work, $"ours-{sizes[^1]}");
if (photos > 0)
{
    // Built cold, so the breakdown shows what resizing the photos costs rather than reading them from the cache.
    if (Directory.Exists(Path.Combine(largest, ".site-cache")))
    {
        Directory.Delete(Path.Combine(largest, ".site-cache"), recursive: true);
    }
}

Console.WriteLine($"Phase breakdown of one more build of the largest corpus (site build --verbose{(photos > 0 ? ", with photos, image cache removed" : "")}):");
Console.WriteLine(Run(site, "build --input input --theme theme --output output --verbose", largest));
if (!keep)
{
    Directory.Delete(work, recursive: true);
}
else
{
    Console.WriteLine($"Kept {work}");
}

return 0;

static void Report(int count, string tool, Result r) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {count} | {tool} | {r.Median:F2} s | {r.Min:F2} s | {r.Pages / r.Median:F0} | {r.PeakMb:F0} MB |"));

static List<Result> Measure(List<Tool> tools, int runs)
{
    var times = tools.Select(_ => new List<double>()).ToList();
    var peaks = new double[tools.Count];
    var pages = new int[tools.Count];
    for (var run = 0; run < runs; run++)
    {
        for (var t = 0; t < tools.Count; t++)
        {
            var (seconds, peakMb, pageCount) = Once(tools[t]);
            times[t].Add(seconds);
            peaks[t] = Math.Max(peaks[t], peakMb);
            pages[t] = pageCount;
        }
    }

    return [.. tools.Select((_, t) =>
    {
        var sorted = times[t].Order().ToList();
        return new Result(sorted[sorted.Count / 2], sorted[0], peaks[t], pages[t]) { Times = times[t] };
    })];
}

/// <summary>The sample site's articles_per_page, which the corpus's site.yml copies and Hugo's pager is given.</summary>
static int SamplePerPage(string repository)
{
    var match = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(repository, "input", "site.yml")), @"(?m)^articles_per_page:\s*(\d+)");
    return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 10;
}

static (double Seconds, double PeakMb, int Pages) Once(Tool tool)
{
    // Each run builds into a clean folder: the previous output is removed first, and so are the caches a
    // cold build is to start without (photo mode's; its warm rebuilds keep theirs).
    foreach (var folder in tool.Clear.Prepend(tool.Output))
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    Settle(tool);
    var start = new ProcessStartInfo("/usr/bin/time", $"-f \"%e %M\" {tool.Command} {tool.Arguments}")
    {
        WorkingDirectory = tool.Folder,
        RedirectStandardError = true,
        RedirectStandardOutput = true,
    };
    if (tool.WithoutApi)
    {
        start.Environment["SITE_BENCHMARK_WITHOUT_API"] = "1";
    }

    using var process = Process.Start(start)!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEnd(); // read both at once, or a full pipe stalls the build
    stdout.Wait();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{tool.Command} {tool.Arguments} failed in {tool.Folder}:\n{stderr}");
    }

    if (tool.Name.StartsWith("site", StringComparison.Ordinal) && Directory.Exists(Path.Combine(tool.Output, "api", "v1")) == tool.WithoutApi)
    {
        throw new InvalidOperationException($"{tool.Name}: the output {(tool.WithoutApi ? "has" : "lacks")} the content API");
    }

    var last = stderr.Trim().Split('\n')[^1].Trim('"').Split(' ');
    return (double.Parse(last[0], CultureInfo.InvariantCulture), double.Parse(last[1], CultureInfo.InvariantCulture) / 1024,
        Directory.EnumerateFiles(tool.Output, "*.html", SearchOption.AllDirectories).Count());
}

// On these machines a page cache swollen by earlier runs' output makes creating files several times slower
// (system time of one 10,000-article build grew from 3 s to 20 s over a few runs), which would favour whichever
// tool runs first. So, where the benchmark may (as root), every run starts from the same state: written pages
// synced, the page cache dropped, then the run's own input and program read back in, so nothing is read cold.
static void Settle(Tool tool)
{
    const string dropCaches = "/proc/sys/vm/drop_caches";
    if (!CanDropCaches)
    {
        return;
    }

    Run("sync", "", tool.Folder);
    File.WriteAllText(dropCaches, "1\n");
    var files = Directory.EnumerateFiles(tool.Folder, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(tool.Output + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    var command = tool.Command.Contains('/') ? tool.Command : Run("sh", $"-c \"command -v {tool.Command}\"", tool.Folder).Trim();
    foreach (var file in files.Append(command))
    {
        File.ReadAllBytes(file);
    }
}

static string Run(string command, string arguments, string folder)
{
    using var process = Process.Start(new ProcessStartInfo(command, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
    var errors = process.StandardError.ReadToEndAsync();
    var output = process.StandardOutput.ReadToEnd() + errors.Result;
    process.WaitForExit();
    return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{command} {arguments} failed:\n{output}");
}

static string HugoVersion()
{
    try
    {
        return Run("hugo", "version", Environment.CurrentDirectory).Trim();
    }
    catch (System.ComponentModel.Win32Exception)
    {
        throw new InvalidOperationException("hugo is not installed: apt-get install hugo");
    }
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Site.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Site.sln not found.");
}

internal static partial class Program
{
    /// <summary>Whether runs can start from a dropped page cache (root on Linux); said in the report.</summary>
    public static readonly bool CanDropCaches = OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/proc/sys/vm/drop_caches");
}

internal sealed record Result(double Median, double Min, double PeakMb, int Pages)
{
    public IReadOnlyList<double> Times { get; init; } = [];
}

internal sealed record Tool(string Name, string Command, string Arguments, string Folder, string Output)
{
    /// <summary>Build without the content API (SITE_BENCHMARK_WITHOUT_API=1), to measure what it costs.</summary>
    public bool WithoutApi { get; init; }

    /// <summary>Which build of the tool this is, in photo mode's table: cold, warm or without photos.</summary>
    public string Build { get; init; } = "";

    /// <summary>Folders removed before each run besides the output: the caches a cold build starts without.</summary>
    public IReadOnlyList<string> Clear { get; init; } = [];
}

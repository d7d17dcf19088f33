using System.Diagnostics;
using Site.Benchmarks;

namespace Site.Cli.Tests;

/// <summary>
/// Faults of the machine rather than of the content: a full disk, a read-only folder, an output path that is a
/// file, two builds at once, and kill -9 in the middle of a build. Each runs the real program as a process.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("site-faults-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void An_output_path_that_is_a_file_is_a_plain_error()
    {
        TestFiles.CopySample(_root);
        File.WriteAllText(Path.Combine(_root, "output"), "not a folder");
        var (code, output, error) = SiteProcess.Run(_root, "build");
        Assert.Equal(1, code);
        Assert.Contains("output' is a file, not a folder", error, StringComparison.Ordinal);
        SiteProcess.AssertNoStackTrace(output + error);
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(_root, "output")));
    }

    [Fact]
    public void An_output_folder_under_a_file_is_a_plain_error()
    {
        TestFiles.CopySample(_root);
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "a file");
        var (code, output, error) = SiteProcess.Run(_root, "build", "--output", "notes.txt/site");
        Assert.Equal(1, code);
        Assert.Contains("SITE5001", error, StringComparison.Ordinal);
        Assert.Contains("notes.txt", error, StringComparison.Ordinal);
        SiteProcess.AssertNoStackTrace(output + error);
    }

    [Fact]
    public void An_empty_output_folder_name_is_wrong_usage()
    {
        TestFiles.CopySample(_root);
        var (code, output, error) = SiteProcess.Run(_root, "build", "--output", "");
        Assert.Equal(2, code);
        Assert.Contains("--output needs a folder name", error, StringComparison.Ordinal);
        SiteProcess.AssertNoStackTrace(output + error);
    }

    /// <summary>
    /// A small tmpfs, mounted in a private user and mount namespace (unshare -rm) so no real disk fills up:
    /// the first build fits, the second cannot fit beside it, and the third runs on the file system made read-only.
    /// </summary>
    [Fact]
    public void A_full_disk_and_a_read_only_output_fail_plainly_and_keep_the_previous_site()
    {
        TestFiles.CopySample(_root);

        // Room for one site and a half: the first build fits, the second cannot fit beside it.
        var (built, _, builtError) = SiteProcess.Run(_root, "build", "--output", "measure");
        Assert.True(built == 0, builtError);
        var blocks = Directory.EnumerateFiles(Path.Combine(_root, "measure"), "*", SearchOption.AllDirectories).Sum(f => (new FileInfo(f).Length + 4095) / 4096);
        Directory.Delete(Path.Combine(_root, "measure"), recursive: true);
        var size = blocks * 4 * 3 / 2;

        var mount = Directory.CreateDirectory(Path.Combine(_root, "mnt")).FullName;
        var script = $$"""
            set -u
            mount -t tmpfs -o size={{size}}k tmpfs '{{mount}}' || exit 90
            run() { dotnet '{{SiteProcess.Program}}' build --output '{{mount}}/output' >"$1.out" 2>"$1.err"; echo $? >"$1.code"; (cd '{{mount}}/output' && find . -type f | sort | xargs md5sum) >"$1.sums" 2>/dev/null; ls -a '{{mount}}' >"$1.ls"; }
            run '{{_root}}/first'
            run '{{_root}}/full'
            mount -o remount,ro '{{mount}}' || exit 91
            run '{{_root}}/readonly'
            """;
        File.WriteAllText(Path.Combine(_root, "faults.sh"), script);
        var start = SiteProcess.StartInfo(_root, ["-rm", "sh", Path.Combine(_root, "faults.sh")], wrapper: "unshare");
        var (code, _, error) = SiteProcess.Run(start, TimeSpan.FromMinutes(3));
        Assert.True(code == 0, $"unshare could not set up the file system (exit {code}): {error}");

        string Read(string step, string what) => File.ReadAllText(Path.Combine(_root, $"{step}.{what}"));
        Assert.True(Read("first", "code").Trim() == "0", Read("first", "err"));
        var first = Read("first", "sums");
        Assert.Contains("./index.html", first, StringComparison.Ordinal);

        foreach (var (step, cause) in new[] { ("full", "No space left on device"), ("readonly", "Read-only file system") })
        {
            var shown = Read(step, "out") + Read(step, "err");
            Assert.True(Read(step, "code").Trim() == "1", $"{step}: exit {Read(step, "code")}\n{shown}");
            Assert.Contains(cause, shown, StringComparison.Ordinal);
            Assert.Contains(mount, shown, StringComparison.Ordinal);
            Assert.Matches(@"error SITE\d{4}: ", shown); // a diagnostic of the build, not the last-resort message of Program.cs
            SiteProcess.AssertNoStackTrace(shown);
            Assert.Equal(first, Read(step, "sums"));
        }

        // The full build's half-written staging folder was removed (the read-only one could not have been made).
        Assert.DoesNotContain(".output.building-", Read("full", "ls"), StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_on_a_port_already_in_use_says_so_and_exits_1()
    {
        TestFiles.CopySample(_root);
        var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
            var (code, output, error) = SiteProcess.Run(SiteProcess.StartInfo(_root, ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]), TimeSpan.FromMinutes(1));
            Assert.Equal(1, code);
            Assert.Contains($"Port {port} on 127.0.0.1 is already in use", error, StringComparison.Ordinal);
            SiteProcess.AssertNoStackTrace(output + error);
        }
        finally
        {
            taken.Stop();
        }
    }

    /// <summary>
    /// `kill PID` (SIGTERM: what a process manager, a container or a terminal closing sends) stops site serve as
    /// Ctrl+C does, instead of leaving it running and holding its port.
    /// </summary>
    [Fact]
    public async Task Site_serve_stops_when_it_is_asked_to_terminate()
    {
        TestFiles.CopySample(_root);
        var port = TestFiles.FreePort();
        using var server = Process.Start(SiteProcess.StartInfo(_root, ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        var output = server.StandardOutput.ReadToEndAsync();
        var error = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var answered = false;
            for (var tries = 0; !answered && tries < 150 && !server.HasExited; tries++)
            {
                try
                {
                    using var page = await http.GetAsync($"http://127.0.0.1:{port}/");
                    answered = true;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(answered, "site serve never answered");
            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var stopped = server.WaitForExit(TimeSpan.FromSeconds(15));
            Assert.True(stopped, "site serve was still running 15 s after SIGTERM");
            SiteProcess.AssertNoStackTrace(await output + await error);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>
    /// The new site is in place but the old one cannot be deleted (here a file system is mounted inside it, so
    /// removing it fails with EBUSY): the build succeeds with a warning, and later builds are not blocked by it.
    /// </summary>
    [Fact]
    public void An_old_site_that_cannot_be_deleted_is_a_warning_after_a_successful_publish()
    {
        TestFiles.CopySample(_root);
        var mount = Directory.CreateDirectory(Path.Combine(_root, "mnt")).FullName;
        var script = $$"""
            set -u
            mount -t tmpfs -o size=50m tmpfs '{{mount}}' || exit 90
            run() { dotnet '{{SiteProcess.Program}}' build --output '{{mount}}/output' >"$1.out" 2>"$1.err"; echo $? >"$1.code"; }
            run '{{_root}}/first'
            mount -t tmpfs -o size=1m tmpfs '{{mount}}/output/articles' || exit 91
            run '{{_root}}/second'
            ls '{{mount}}/output' >'{{_root}}/second.ls'
            run '{{_root}}/third'
            """;
        File.WriteAllText(Path.Combine(_root, "busy.sh"), script);
        var (code, _, error) = SiteProcess.Run(SiteProcess.StartInfo(_root, ["-rm", "sh", Path.Combine(_root, "busy.sh")], wrapper: "unshare"), TimeSpan.FromMinutes(3));
        Assert.True(code == 0, $"unshare could not set up the file system (exit {code}): {error}");

        string Read(string step, string what) => File.ReadAllText(Path.Combine(_root, $"{step}.{what}"));
        Assert.True(Read("first", "code").Trim() == "0", Read("first", "err"));
        var second = Read("second", "out") + Read("second", "err");
        Assert.True(Read("second", "code").Trim() == "0", second);
        Assert.Contains("warning SITE5005", second, StringComparison.Ordinal);
        Assert.Contains("The new site is in place", second, StringComparison.Ordinal);
        Assert.Contains("articles", Read("second", "ls"), StringComparison.Ordinal);
        Assert.True(Read("third", "code").Trim() == "0", Read("third", "out") + Read("third", "err"));
    }

    [Fact]
    public async Task Builds_started_together_into_one_folder_take_turns()
    {
        TestFiles.CopySample(_root);
        var processes = Enumerable.Range(0, 4)
            .Select(_ => Process.Start(SiteProcess.StartInfo(_root, ["build"]))!)
            .ToList();
        var results = processes.Select(p => (Out: p.StandardOutput.ReadToEndAsync(), Err: p.StandardError.ReadToEndAsync())).ToList();
        foreach (var (process, result) in processes.Zip(results))
        {
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "a build did not finish");
            Assert.True(process.ExitCode == 0, await result.Out + await result.Err);
            process.Dispose();
        }

        Assert.True(File.Exists(Path.Combine(_root, "output", "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(_root, ".output.*"));
    }

    /// <summary>
    /// kill -9 at a spread of moments through a 500-article build, from reading the content to the swap and the
    /// deletion of the old site: after every kill, output/ is a complete site (the first build's or a new one),
    /// and the next finished build removes what the killed ones left behind. The kills placed by files written
    /// land mid-write whatever the corpus's size, so it is only as large as a build with over a thousand files
    /// needs (it was 2,000 articles, a minute of the test suite's two cores, for no further moment of a build).
    /// </summary>
    [Fact]
    public void Kill_9_at_any_moment_leaves_a_complete_output_folder()
    {
        Corpus.WriteOurs(_root, 500, TestFiles.RepositoryRoot);
        var output = Path.Combine(_root, "output");
        var clock = Stopwatch.StartNew();
        var (code, _, error) = SiteProcess.Run(_root, "build");
        var full = clock.Elapsed;
        Assert.True(code == 0, error);
        var complete = Listing(output);
        Assert.True(complete.Count > 1000, $"only {complete.Count} files");

        // Kill points: at fractions of a whole build's time, and when the build's staging folder has reached a
        // given number of files (so some kills land mid-write and just before the swap, however loaded the machine).
        var points = new (double Fraction, int Files)[] { (0.2, 0), (0.5, 0), (0.8, 0), (1.0, 0), (0, 1), (0, complete.Count / 2), (0, complete.Count - 20), (0, complete.Count) };
        var leftBehind = 0;
        foreach (var (fraction, files) in points)
        {
            using (var process = Process.Start(SiteProcess.StartInfo(_root, ["build"]))!)
            {
                if (files == 0)
                {
                    Thread.Sleep(full * fraction);
                }
                else
                {
                    while (!process.HasExited && StagingFiles() < files)
                    {
                        Thread.Sleep(5);
                    }
                }

                process.Kill(); // SIGKILL on Linux
                process.WaitForExit();
            }

            Assert.Equal(complete, Listing(output));
            leftBehind += Directory.EnumerateDirectories(_root, ".output.*").Any() ? 1 : 0;
        }

        Assert.True(leftBehind >= 2, $"only {leftBehind} kills landed while a build was writing"); // the test did interrupt builds
        (code, _, error) = SiteProcess.Run(_root, "build");
        Assert.True(code == 0, error);
        Assert.Equal(complete, Listing(output));
        Assert.Empty(Directory.EnumerateDirectories(_root, ".output.*"));
    }

    private int StagingFiles() =>
        Directory.EnumerateDirectories(_root, ".output.building-*").Sum(d =>
        {
            try
            {
                return Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories).Count();
            }
            catch (DirectoryNotFoundException)
            {
                return 0; // swapped or deleted while counting
            }
        });

    /// <summary>Every file's path and size; a half-written site differs in one or the other.</summary>
    private static List<string> Listing(string folder)
    {
        Assert.True(Directory.Exists(folder), "output/ is missing");
        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length}")
            .Order(StringComparer.Ordinal)];
    }
}

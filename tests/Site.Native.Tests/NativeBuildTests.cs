using System.Diagnostics;
using System.Text.Json;
using Site.Cli;
using Site.Cli.Tests;

namespace Site.Native.Tests;

/// <summary>
/// The published <c>site</c> is compiled ahead of time, and trimming can silently remove what templates read
/// by reflection. These tests publish it exactly as README and Netlify do and compare what the native
/// program builds with what the JIT-run code builds from the same files.
/// </summary>
public sealed class NativeBuildTests : IClassFixture<NativeBuildTests.Published>, IDisposable
{
    private readonly Published _published;
    private readonly SampleCopy _sample = new();

    public NativeBuildTests(Published published) => _published = published;

    public void Dispose() => _sample.Dispose();

    [Fact]
    public async Task The_native_program_builds_the_sample_byte_for_byte_like_the_jit_build()
    {
        var jitOutput = Path.Combine(_sample.Root, "jit");
        var nativeOutput = Path.Combine(_sample.Root, "native");
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            var code = await SiteCommand.RunAsync(["build", "--input", _sample.Input, "--theme", _sample.Theme, "--output", jitOutput], stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
        }

        var (nativeCode, nativeOut, nativeErr) = _published.Run("build", "--input", _sample.Input, "--theme", _sample.Theme, "--output", nativeOutput);
        Assert.True(nativeCode == 0, nativeOut + nativeErr);

        var jitFiles = Files(jitOutput);
        Assert.Equal(jitFiles, Files(nativeOutput));
        Assert.True(jitFiles.Count > 30, $"only {jitFiles.Count} files were built");
        foreach (var file in jitFiles)
        {
            Assert.True(
                WithoutBuildTime(file, File.ReadAllBytes(Path.Combine(jitOutput, file))).AsSpan().SequenceEqual(WithoutBuildTime(file, File.ReadAllBytes(Path.Combine(nativeOutput, file)))),
                $"{file} differs between the native and the JIT build");
        }
    }

    /// <summary>
    /// The two builds run seconds apart, and the content API's index.json states when it was built: that one
    /// value is blanked (it must still be there), every other byte of every file is compared.
    /// </summary>
    private static byte[] WithoutBuildTime(string file, byte[] bytes)
    {
        if (file.Replace('\\', '/') != "api/v1/index.json")
        {
            return bytes;
        }

        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var blanked = System.Text.RegularExpressions.Regex.Replace(text, "\"built_at\": \"[^\"]+\"", "\"built_at\": \"\"");
        Assert.NotEqual(text, blanked);
        return System.Text.Encoding.UTF8.GetBytes(blanked);
    }

    /// <summary>
    /// Site.Cli.csproj builds a 64 MB budget for the collector's youngest generation into the native program.
    /// DOTNET_GCgen0size overrides it: the same 300 extra articles (about 390 MB allocated) are built with the
    /// built-in budget (the variable removed, whatever the test's own environment says) and with 1 MB, a budget
    /// of the order the collector works out for itself on a machine that reports no CPU cache size, so the
    /// comparison does not depend on this machine's cache.
    /// </summary>
    [Fact]
    public void The_native_program_collects_its_youngest_generation_rarely()
    {
        var source = Path.Combine(_sample.Input, "articles", "increasing-your-running-safely.md");
        var text = File.ReadAllText(source);
        Assert.Contains("title: How to increase your running", text, StringComparison.Ordinal);
        for (var i = 1; i <= 300; i++)
        {
            File.WriteAllText(Path.Combine(_sample.Input, "articles", $"copy-{i}.md"), text.Replace("title: How to increase your running", $"title: Part {i}, how to increase your running", StringComparison.Ordinal));
        }

        int Gen0(string? budget)
        {
            var start = SiteProcess.StartInfo(TestFiles.RepositoryRoot, ["build", "--verbose", "--input", _sample.Input, "--theme", _sample.Theme, "--output", Path.Combine(_sample.Root, "out")], wrapper: _published.Program);
            if (budget is null)
            {
                start.Environment.Remove("DOTNET_GCgen0size");
            }
            else
            {
                start.Environment["DOTNET_GCgen0size"] = budget;
            }

            var (code, output, error) = SiteProcess.Run(start, TimeSpan.FromMinutes(2));
            Assert.True(code == 0, output + error);
            var counts = System.Text.RegularExpressions.Regex.Match(output + error, @"allocated (\d+) MB; collections gen0 (\d+)");
            Assert.True(counts.Success, output + error);
            Assert.True(int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 200, $"the build allocated too little to tell budgets apart:\n{output}");
            return int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        var builtIn = Gen0(null);
        var small = Gen0("100000"); // hexadecimal, as the runtime reads it: 1 MB
        Assert.True(builtIn * 4 < small, $"gen0 collections: {builtIn} with the built-in budget, {small} with 1 MB");
    }

    [Fact]
    public void The_native_program_reports_a_content_error_at_its_line_and_column_in_every_format()
    {
        _sample.Edit("input/articles/sitting-at-work-with-hamstring-pain.md", "author: melissa", "author: melisa");

        var (code, _, error) = _published.Run("build", "--input", _sample.Input, "--theme", _sample.Theme, "--output", Path.Combine(_sample.Root, "out"));
        Assert.Equal(1, code);
        Assert.Matches(@"input/articles/sitting-at-work-with-hamstring-pain\.md\(6,9\): error SITE\d{4}: .*melisa", error);
        Assert.Contains("melissa", error, StringComparison.Ordinal);

        var (jsonCode, json, _) = _published.Run("check", "--input", _sample.Input, "--theme", _sample.Theme, "--format", "json");
        Assert.Equal(1, jsonCode);
        using var parsed = JsonDocument.Parse(json);
        var first = parsed.RootElement.EnumerateArray().First(d => d.GetProperty("severity").GetString() == "error");
        Assert.EndsWith("sitting-at-work-with-hamstring-pain.md", first.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("line").GetInt32() > 0);
        Assert.True(first.GetProperty("column").GetInt32() > 0);
    }

    [Fact]
    public async Task The_native_program_serves_the_site_on_kestrel_with_production_headers()
    {
        File.Copy(Path.Combine(SampleCopy.RepositoryRoot, "netlify.toml"), Path.Combine(_sample.Root, "netlify.toml"));
        var port = TestFiles.FreePort();
        var start = new ProcessStartInfo(_published.Program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _sample.Root };
        foreach (var arg in new[] { "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", Path.Combine(_sample.Root, "served") })
        {
            start.ArgumentList.Add(arg);
        }

        using var server = Process.Start(start)!;
        var log = server.StandardOutput.ReadToEndAsync();
        var errors = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpResponseMessage? page = null;
            for (var tries = 0; page is null && tries < 100 && !server.HasExited; tries++)
            {
                try
                {
                    page = await http.GetAsync($"http://127.0.0.1:{port}/articles/your-first-physiotherapy-appointment/");
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(page is not null, $"the native server never answered: {(server.HasExited ? await log + await errors : "")}");
            Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(Site.Web.Modules.Netlify.SecurityPolicies.Site, page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("<h1", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            page.Dispose();
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];

    /// <summary>Publishes src/Site.Cli once for the class with the command the README gives.</summary>
    public sealed class Published : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("site-native-").FullName;

        public Published()
        {
            var (code, output, error) = Execute("dotnet", ["publish", Path.Combine(TestFiles.RepositoryRoot, "src", "Site.Cli"), "-c", "Release", "-o", _folder, "--nologo"], TimeSpan.FromMinutes(10));
            if (code != 0)
            {
                throw new InvalidOperationException($"dotnet publish failed ({code}):\n{output}\n{error}");
            }
        }

        public string Program => Path.Combine(_folder, "site");

        public (int Code, string Out, string Err) Run(params string[] args) => Execute(Program, args, TimeSpan.FromMinutes(2));

        /// <summary>Runs a program from the repository root, through the same runner as every process test.</summary>
        private static (int Code, string Out, string Err) Execute(string file, IEnumerable<string> args, TimeSpan timeout) =>
            SiteProcess.Run(SiteProcess.StartInfo(TestFiles.RepositoryRoot, args, wrapper: file), timeout);

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}

using System.Diagnostics;
using System.Text;
using Site.Engine.Diagnostics;
using Xunit.Abstractions;

namespace Site.Web.Tests;

/// <summary>
/// A fuzzer over the sample site: from a fixed seed, each mutant changes one file a writer or developer edits
/// (content, site.yml, the model) by flipping bytes, truncating, duplicating, deleting or swapping lines,
/// nesting deeply, inserting random Unicode or bytes that are not UTF-8. Every mutant must build or fail with
/// errors that each name a file, within a time bound, and a failed build must leave the previous site as it was.
/// The seed and mutant number in a failure reproduce it exactly.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20261130;
    private const int Mutants = 1000;
    private const int Workers = 2;

    private readonly string _root = Directory.CreateTempSubdirectory("fuzz-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task A_thousand_mutants_of_the_sample_build_or_fail_plainly()
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(() => WorkAsync(w))));
        var built = outcomes.Sum(o => o.Built);
        var failed = outcomes.Sum(o => o.Failed);
        output.WriteLine($"{Mutants} mutants (seed {Seed}) in {clock.Elapsed.TotalSeconds:F1} s: {built} built, {failed} failed with located errors.");
        Assert.Equal(Mutants, built + failed);
        Assert.True(failed > Mutants / 4, $"only {failed} mutants failed: the mutations are too gentle to test anything");
        Assert.True(built > Mutants / 20, $"only {built} mutants built: the mutations never reach the rendering");
    }

    private async Task<(int Built, int Failed)> WorkAsync(int worker)
    {
        var root = Path.Combine(_root, $"w{worker}");
        TestFiles.CopySample(root);
        var options = new BuildOptions
        {
            Input = Path.Combine(root, "input"),
            Theme = Path.Combine(root, "theme"),
            Output = Path.Combine(root, "output"),
            DisplayRoot = root,
            Now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
        };
        var first = await SiteBuilder.BuildAsync(options);
        Assert.True(first.Errors == 0, string.Join("\n", first.Diagnostics));
        var site = Listing(options.Output);

        var targets = Directory.EnumerateFiles(options.Input, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(options.Input, "model"), "*.yml"))
            .Append(Path.Combine(options.Input, "site.yml"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var (built, failed) = (0, 0);
        for (var mutant = worker; mutant < Mutants; mutant += Workers)
        {
            // One generator per mutant, so mutant N is the same whatever the number of workers.
            var random = new Random(Seed + mutant);
            var file = targets[random.Next(targets.Count)];
            var original = await File.ReadAllBytesAsync(file);
            var (changed, how) = Mutate(original, random);
            var what = $"mutant {mutant} (seed {Seed}): {how} in {Path.GetRelativePath(root, file)}";
            await File.WriteAllBytesAsync(file, changed);
            try
            {
                // Every tenth mutant writes its output, to prove a failed build keeps the previous site.
                var writes = mutant % 10 == 0;
                BuildResult result;
                try
                {
                    result = await SiteBuilder.BuildAsync(options with { WriteOutput = writes }).WaitAsync(TimeSpan.FromSeconds(20));
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"{what}: the build took more than 20 seconds");
                    throw;
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"{what}: the build threw {ex}");
                    throw;
                }

                var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
                var unplaced = errors.Where(e => string.IsNullOrEmpty(e.Location?.File)).ToList();
                Assert.True(unplaced.Count == 0, $"{what}: errors without a file:\n{string.Join("\n", unplaced)}");
                if (errors.Count > 0)
                {
                    failed++;
                    if (writes)
                    {
                        Assert.True(site.SequenceEqual(Listing(options.Output)), $"{what}: a failed build changed the previous site");
                    }
                }
                else
                {
                    built++;
                    if (writes)
                    {
                        site = Listing(options.Output);
                    }
                }
            }
            finally
            {
                await File.WriteAllBytesAsync(file, original);
            }
        }

        return (built, failed);
    }

    private static (byte[] Bytes, string How) Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        string Join() => string.Join('\n', lines);
        var line = random.Next(lines.Count);
        switch (random.Next(8))
        {
            case 0:
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips && bytes.Count > 0; i++)
                {
                    bytes[random.Next(bytes.Count)] ^= (byte)random.Next(1, 256);
                }

                return ([.. bytes], $"{flips} byte(s) flipped");
            case 1:
                var cut = random.Next(bytes.Count + 1);
                return ([.. bytes.Take(cut)], $"truncated to {cut} bytes");
            case 2:
                lines.Insert(line, lines[line]);
                return (Encoding.UTF8.GetBytes(Join()), $"line {line + 1} duplicated");
            case 3:
                lines.RemoveAt(line);
                return (Encoding.UTF8.GetBytes(Join()), $"line {line + 1} deleted");
            case 4:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                return (Encoding.UTF8.GetBytes(Join()), $"lines {line + 1} and {other + 1} swapped");
            case 5:
                string[] openers = ["[", "{", "- ", "  - ", ">", "*", "[a](", "<b>", "  "];
                var opener = openers[random.Next(openers.Length)];
                var depth = random.Next(10, 20_000);
                lines.Insert(line, new StringBuilder().Insert(0, opener, depth).ToString());
                return (Encoding.UTF8.GetBytes(Join()), $"{depth} × '{opener}' inserted at line {line + 1}");
            case 6:
                var text = new StringBuilder();
                for (var i = random.Next(1, 40); i > 0; i--)
                {
                    // Anything Unicode allows in a file: controls, NUL, combining marks, right-to-left, emoji, private use.
                    int[] starts = [0x00, 0x300, 0x5D0, 0x200B, 0x202E, 0x1F600, 0xE000, 0xFFF0, 0x10FFF0];
                    var code = starts[random.Next(starts.Length)] + random.Next(16);
                    text.Append(char.ConvertFromUtf32(code is >= 0xD800 and <= 0xDFFF ? 0xFFFD : code));
                }

                var at = random.Next(lines[line].Length + 1);
                lines[line] = lines[line].Insert(at, text.ToString());
                return (Encoding.UTF8.GetBytes(Join()), $"{text.Length} random characters inserted in line {line + 1}");
            default:
                var position = random.Next(bytes.Count + 1);
                var junk = Enumerable.Range(0, random.Next(1, 6)).Select(_ => (byte)random.Next(0x80, 0x100)).ToArray();
                bytes.InsertRange(position, junk);
                return ([.. bytes], $"bytes {Convert.ToHexString(junk)} (not UTF-8) inserted at byte {position}");
        }
    }

    private static List<string> Listing(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length}")
            .Order(StringComparer.Ordinal)];
}

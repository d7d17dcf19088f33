using System.Diagnostics;

namespace Site.Cli.Tests;

/// <summary>
/// Runs the real <c>site</c> program (the framework-dependent build beside the tests) as its own process, so
/// exit codes, crashes and kills are the operating system's, not an in-process imitation.
/// </summary>
public static class SiteProcess
{
    public static string Program => Path.Combine(AppContext.BaseDirectory, "site.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> args, string? wrapper = null)
    {
        var start = new ProcessStartInfo(wrapper ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        if (wrapper is null)
        {
            start.ArgumentList.Add(Program);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        return start;
    }

    public static (int Code, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        Run(StartInfo(workingDirectory, args), TimeSpan.FromMinutes(3));

    public static (int Code, string Out, string Err) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Fails when the output shows an unhandled exception instead of a plain message.</summary>
    public static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\n\s+at [\w.<>`]+\(", text);
    }
}

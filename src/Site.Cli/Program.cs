using Site.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C stops `site serve` cleanly instead of killing the process mid-write.
    e.Cancel = true;
    stop.Cancel();
};

// So do `kill` (SIGTERM, also what a process manager or container sends) and a closed terminal (SIGHUP): without
// this, Kestrel's own handling stopped the web server but `site serve` kept waiting, holding its port.
void Stop(System.Runtime.InteropServices.PosixSignalContext signal)
{
    signal.Cancel = true;
    stop.Cancel();
}

using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
using var hangUp = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, Stop);

try
{
    return await SiteCommand.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return SiteCommand.Failed;
}
#pragma warning disable CA1031 // the last line of defence: no input or environment may end in a stack trace and exit 134
catch (Exception ex)
#pragma warning restore CA1031
{
    var cause = ex is IOException or UnauthorizedAccessException
        ? ex.Message
        : $"internal error ({ex.GetType().Name}): {ex.Message}. This is a bug in site, not in your content; please report it with the command you ran (SITE_TRACE=1 shows the details).";
    await Console.Error.WriteLineAsync($"site: {cause}").ConfigureAwait(false);
    if (Environment.GetEnvironmentVariable("SITE_TRACE") == "1")
    {
        await Console.Error.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
    }

    return SiteCommand.Failed;
}

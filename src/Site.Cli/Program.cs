using Site.Cli;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C stops `site serve` cleanly instead of killing the process mid-write.
    e.Cancel = true;
    stop.Cancel();
};

return await SiteCommand.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);

using Site.Cli;

return await SiteCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

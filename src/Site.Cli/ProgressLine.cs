using System.Globalization;
using Site.Engine;

namespace Site.Cli;

/// <summary>
/// One line on the terminal that says what a long build is doing ("html: RenderPages… 5,230 of 10,000"),
/// shown only after the build has run about two seconds, only when standard error is a terminal, never in CI
/// (the CI variable is set) and never when problems are printed as JSON or annotations; it is erased when the
/// build ends, so what remains is exactly what a redirected run prints.
/// </summary>
internal sealed class ProgressLine : IAsyncDisposable
{
    private readonly BuildProgress _progress;
    private readonly TextWriter _terminal;
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private bool _shown;
    private bool _stopped;

    private ProgressLine(BuildProgress progress, TextWriter terminal, TimeSpan delay)
    {
        _progress = progress;
        _terminal = terminal;
        _timer = new Timer(_ => Show(), null, delay, TimeSpan.FromMilliseconds(250));
    }

    /// <summary>Starts a progress line when the conditions hold; otherwise null and nothing is ever written.</summary>
    public static ProgressLine? Start(BuildProgress progress, OutputFormat format, TextWriter stderr)
    {
        var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        if (!terminal || ci || format != OutputFormat.Text || Environment.GetEnvironmentVariable("TERM") == "dumb")
        {
            return null;
        }

        // SITE_PROGRESS_DELAY_MS shortens the wait, for the test that runs a build in a pseudo-terminal.
        var delay = int.TryParse(Environment.GetEnvironmentVariable("SITE_PROGRESS_DELAY_MS"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? TimeSpan.FromMilliseconds(ms) : TimeSpan.FromSeconds(2);
        return new ProgressLine(progress, stderr, delay);
    }

    private void Show()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var total = _progress.Total;
            var text = total > 0
                ? string.Create(CultureInfo.InvariantCulture, $"Building… {_progress.Step} {Math.Min(_progress.Done, total):N0} of {total:N0}")
                : $"Building… {_progress.Step}";
            _terminal.Write($"\r\u001b[K{text}");
            _terminal.Flush();
            _shown = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _stopped = true;
            if (_shown)
            {
                _terminal.Write("\r\u001b[K");
                _terminal.Flush();
            }
        }
    }
}

using System.Collections.Immutable;
using Site.Web;

namespace Site.Cli;

/// <summary>How diagnostics are printed.</summary>
public enum OutputFormat
{
    Text,
    Json,
    GitHub,
}

/// <summary>A parsed command line, or the reason it could not be parsed.</summary>
public sealed record CommandLine(string Command, BuildOptions Build, OutputFormat Format, bool Verbose, ImmutableArray<string> Arguments)
{
    /// <summary>Port for <c>site serve</c>.</summary>
    public int Port { get; init; } = 8080;

    /// <summary>Named values for <c>site new</c>: --id, and a reference field or kind per option (--author melissa).</summary>
    public ImmutableDictionary<string, string> Values { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>For <c>site model</c>: print for people, or write JSON Schemas.</summary>
    public bool JsonSchema { get; init; }

    public const string Usage = """
        Usage: site <command> [options]

        Commands:
          build            Build the site from input/ and theme/ into output/.
          check            Run every build check without writing output/.
          serve            Build, serve on http://127.0.0.1:8080/ and rebuild on every save.
          new KIND "TITLE" Start a new item of any kind of the content model as a draft.
          model            Print the content model: every kind and field, with type and help.
          explain [ID]     Explain a diagnostic id (for example SITE1004), or list them all.

        Options for build and check:
          --input DIR      Content folder (default: input)
          --theme DIR      Theme folder (default: theme)
          --output DIR     Output folder (default: output); replaced only when the build succeeds
          --drafts         Include articles marked draft: true
          --future         Include articles dated after today (clinic time zone)
          --base-url URL   Use this base URL instead of base_url in site.yml
          --preview        A deploy preview: noindex on every page, robots.txt disallows all
          --check-external Also check links to other websites (cached in .site-cache/)
          --warnaserror    Fail the build on warnings too
          --format FORMAT  text (default), json, or github (GitHub Actions annotations)
          --verbose        Print the time each build phase took

        Options for serve (drafts and future articles are shown):
          --port N         Port to listen on (default 8080)
          --verbose        Print the time each rebuild's phases took

        Options for new (KIND is a file name in input/model/, see 'site model'):
          site new article "Title" [--author ID] [--condition ID]
          site new condition "Title"
          site new author "Full Name" [--id ID]
          --id ID          The file name to use instead of one made from the title
          --FIELD ID       The id for a reference field, by field or kind name

        Options for model:
          --format json-schema   Write one JSON Schema (draft 2020-12) per kind instead
          --output DIR           Where the schemas go (default: schemas)
          --input DIR            Content folder (default: input)

          -h, --help       Show this help

        Exit codes: 0 success, 1 the build reported errors, 2 wrong usage.
        """;

    /// <summary>Parses arguments; returns the error message for bad usage.</summary>
    public static (CommandLine? Line, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return (null, "No command given.");
        }

        var command = args[0];
        if (command is "-h" or "--help" or "help")
        {
            return (new CommandLine("help", new BuildOptions(), OutputFormat.Text, false, []), null);
        }

        if (command is not ("build" or "check" or "explain" or "serve" or "new" or "model"))
        {
            return (null, $"Unknown command '{command}'.");
        }

        var options = command == "serve"
            ? new BuildOptions { Drafts = true, Future = true, Output = Path.Combine(".site-cache", "serve") }
            : command == "model" ? new BuildOptions { Output = "schemas" }
            : new BuildOptions { WriteOutput = command is "build" };
        var jsonSchema = false;
        var port = 8080;
        var values = ImmutableDictionary.CreateBuilder<string, string>();
        var format = OutputFormat.Text;
        var verbose = false;
        var positional = ImmutableArray.CreateBuilder<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value()
            {
                return i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }

            switch (arg)
            {
                case "-h" or "--help":
                    return (new CommandLine("help", options, format, verbose, []), null);
                case "--drafts":
                    options = options with { Drafts = true };
                    break;
                case "--future":
                    options = options with { Future = true };
                    break;
                case "--preview":
                    options = options with { Preview = true };
                    break;
                case "--check-external":
                    options = options with { CheckExternal = true };
                    break;
                case "--warnaserror":
                    options = options with { WarningsAsErrors = true };
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                case "--port":
                    if (!int.TryParse(Value(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
                    {
                        return (null, "--port needs a number from 1 to 65535.");
                    }

                    break;
                case "--format" when command == "model":
                    switch (Value())
                    {
                        case "json-schema":
                            jsonSchema = true;
                            break;
                        case "text":
                            break;
                        case var other:
                            return (null, $"--format for model must be text or json-schema, not '{other}'.");
                    }

                    break;
                case var named when command == "new" && named is not ("--input" or "--theme" or "--output" or "--base-url" or "--format") && named.StartsWith("--", StringComparison.Ordinal) && named.Length > 2 && named[2..].All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '_' or '-'):
                    if (Value() is not { } given)
                    {
                        return (null, $"{arg} needs a value.");
                    }

                    values[arg[2..].Replace('-', '_')] = given;
                    break;
                case "--input" or "--theme" or "--output" or "--base-url" or "--format":
                    var value = Value();
                    if (value is null)
                    {
                        return (null, $"{arg} needs a value.");
                    }

                    if (arg is "--input" or "--theme" or "--output" && string.IsNullOrWhiteSpace(value))
                    {
                        return (null, $"{arg} needs a folder name, not an empty value.");
                    }

                    switch (arg)
                    {
                        case "--input":
                            options = options with { Input = value };
                            break;
                        case "--theme":
                            options = options with { Theme = value };
                            break;
                        case "--output":
                            options = options with { Output = value };
                            break;
                        case "--base-url":
                            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                            {
                                return (null, $"--base-url must be an absolute http(s) address, not '{value}'.");
                            }

                            options = options with { BaseUrl = value };
                            break;
                        default:
                            if (!Enum.TryParse<OutputFormat>(value, ignoreCase: true, out format))
                            {
                                return (null, $"--format must be text, json or github, not '{value}'.");
                            }

                            break;
                    }

                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        return (null, $"Unknown option '{arg}'.");
                    }

                    positional.Add(arg);
                    break;
            }
        }

        if (command is "new")
        {
            if (positional.Count != 2)
            {
                return (null, "Use: site new KIND \"Title\", where KIND is a kind of content such as article (see 'site model').");
            }
        }
        else if (command != "explain" && positional.Count > 0)
        {
            return (null, $"Unexpected argument '{positional[0]}'.");
        }

        return (new CommandLine(command, options, format, verbose, positional.ToImmutable()) { Port = port, Values = values.ToImmutable(), JsonSchema = jsonSchema }, null);
    }
}

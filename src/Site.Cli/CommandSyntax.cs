using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using Site.Web;
using Site.Web.Content;

namespace Site.Cli;

/// <summary>
/// The commands, options and arguments of <c>site</c>, declared once for System.CommandLine, which parses them
/// and writes the help. Wrong usage comes back as one message (exit code 2 in <see cref="SiteCommand"/>).
/// </summary>
internal static class CommandSyntax
{
    private static readonly Option<string> Input = Folder("--input", "Content folder", "input");
    private static readonly Option<string> Theme = Folder("--theme", "Theme folder", "theme");
    private static readonly Option<string?> Output = new("--output") { Description = "Output folder (default: output; for serve .site-cache/serve; for model schemas); replaced only when the build succeeds", HelpName = "DIR", Validators = { NotEmpty } };
    private static readonly Option<bool> Drafts = new("--drafts") { Description = "Include items marked draft: true" };
    private static readonly Option<bool> Future = new("--future") { Description = "Include articles dated after today (clinic time zone)" };
    private static readonly Option<bool> Preview = new("--preview") { Description = "A deploy preview: noindex on every page, robots.txt disallows all" };
    private static readonly Option<bool> CheckExternal = new("--check-external") { Description = "Also check links to other websites (cached in .site-cache/)" };
    private static readonly Option<bool> WarningsAsErrors = new("--warnaserror") { Description = "Fail the build on warnings too" };
    private static readonly Option<bool> CheckOnly = new("--check") { Description = "Change nothing; fail (exit 1) if a file is not in the editor's layout" };
    private static readonly Option<string?> Report = new("--report") { Description = "Also write a build report to FILE (Markdown; JSON when FILE ends in .json): problems by id, scheduled items, reviews due, suppressions, reading grades. Never inside the output folder.", HelpName = "FILE", Validators = { NotEmpty } };
    private static readonly Option<bool> Verbose = new("--verbose") { Description = "Print the time each build phase took" };
    private static readonly Option<string> Format = new("--format") { Description = "How problems are printed: text, json, or github (GitHub Actions annotations)", HelpName = "FORMAT", DefaultValueFactory = _ => "text" };
    private static readonly Option<string> ModelFormat = new("--format") { Description = "text (for people), or json-schema: one JSON Schema (draft 2020-12) per kind", HelpName = "FORMAT", DefaultValueFactory = _ => "text" };
    private static readonly Option<string?> BaseUrl = new("--base-url") { Description = "Use this base URL instead of base_url in site.yml", HelpName = "URL" };
    private static readonly Option<int> Port = new("--port") { Description = "Port on 127.0.0.1 to listen on", HelpName = "N", DefaultValueFactory = _ => 8080 };
    private static readonly Option<string?> Id = new("--id") { Description = "The file name to use instead of one made from the title", HelpName = "ID" };
    private static readonly Argument<string[]> Words = new("KIND TITLE") { Description = "The kind (a file name in input/model/, see 'site model') and the title, in quotes", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Argument<string[]> Ids = new("ID") { Description = "Diagnostic ids such as SITE1004; none lists them all", Arity = ArgumentArity.ZeroOrMore };

    private static readonly Command Root = Create();

    private static Command Create()
    {
        Format.AcceptOnlyFromAmong("text", "json", "github");
        ModelFormat.AcceptOnlyFromAmong("text", "json-schema");
        Port.CustomParser = result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
            {
                return port;
            }

            result.AddError("--port needs a number from 1 to 65535.");
            return 0;
        };
        BaseUrl.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                result.AddError($"--base-url must be an absolute http(s) address, not '{value}'.");
            }
        });

        Option[] building = [Input, Theme, Output, Drafts, Future, BaseUrl, Preview, CheckExternal, WarningsAsErrors, Format, Report, Verbose];
        // Named 'site' whatever the executable is called (the tests run it inside their own host).
        var root = new Command("site", "site builds the clinic's website from input/ (content) and theme/ (templates).\nExit codes: 0 success, 1 the build reported errors, 2 wrong usage.")
        {
            Options = { new HelpOption { Recursive = true }, new VersionOption() },
        };
        root.Subcommands.Add(With(new Command("build", "Build the site from input/ and theme/ into output/."), building));
        root.Subcommands.Add(With(new Command("check", "Run every build check without writing output/."), building));
        root.Subcommands.Add(With(new Command("serve", "Build with drafts and future articles, serve on http://127.0.0.1:8080/ and rebuild on every save."), [Input, Theme, Output, Port, BaseUrl, Verbose]));
        var create = With(new Command("new", "Start a new item of any kind of the content model as a draft: site new article \"Title\" [--author ID] [--condition ID]. Any --FIELD ID names the item a reference field points to."), [Input, Theme, Id]);
        create.Arguments.Add(Words);
        root.Subcommands.Add(create);
        root.Subcommands.Add(With(new Command("model", "Print the content model: every kind and field, with type and help."), [Input, Theme, Output, ModelFormat]));
        root.Subcommands.Add(With(new Command("format", "Give every content file's front matter the layout the editor writes (field order, one list item per line, lines folded at 80 columns), so editor saves change only what was edited. Bodies are never changed."), [Input, Theme, CheckOnly]));
        var explain = new Command("explain", "Explain a diagnostic id (for example SITE1004), or list them all.");
        explain.Arguments.Add(Ids);
        root.Subcommands.Add(explain);
        root.Subcommands.Add(new Command("help", "Show this help."));
        return root;
    }

    private static Command With(Command command, Option[] options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    private static Option<string> Folder(string name, string description, string fallback) =>
        new(name) { Description = description, HelpName = "DIR", DefaultValueFactory = _ => fallback, Validators = { NotEmpty } };

    private static void NotEmpty(OptionResult result)
    {
        if (result.Tokens.Count > 0 && string.IsNullOrWhiteSpace(result.Tokens[0].Value))
        {
            result.AddError($"{result.Option.Name} needs a folder name, not an empty value.");
        }
    }

    public static (CommandLine? Line, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0)
        {
            return (null, $"No command given.\n\n{Help([])}");
        }

        // site new takes one option per reference field (--author melissa), named by the content model, which
        // System.CommandLine cannot know: those pairs are taken out first.
        var (rest, values) = args[0] == "new" ? FieldValues(args) : (args, ImmutableDictionary<string, string>.Empty);
        var result = Root.Parse(rest);
        var command = result.CommandResult.Command;
        if (command == Root || command.Name == "help" || result.Action is HelpAction)
        {
            if (result.Errors.Count > 0 && result.Action is not HelpAction)
            {
                return (null, Explain(result));
            }

            // --help anywhere, 'site help', a bare 'site --version': what System.CommandLine itself prints.
            var text = command.Name == "help" || (command == Root && result.Action is null) ? Help([]) : Invoke(result);
            var input = command.Options.Contains(Input) ? result.GetValue(Input)! : "input";
            return (new CommandLine("help", new BuildOptions { Input = input }, OutputFormat.Text, false, []) { HelpText = text }, null);
        }

        if (result.Errors.Count > 0)
        {
            return (null, Explain(result));
        }

        var name = command.Name;
        var words = result.GetValue(Words) ?? [];
        if (name == "new" && words.Length != 2)
        {
            return (null, $"Use: site new KIND \"Title\", where KIND is a kind of content such as article (see 'site model').\n\n{Help(["new"])}");
        }

        var output = result.GetValue(Output) ?? name switch { "serve" => Path.Combine(".site-cache", "serve"), "model" => "schemas", _ => "output" };
        var serve = name == "serve";
        var options = new BuildOptions
        {
            Input = result.GetValue(Input)!,
            Theme = result.GetValue(Theme)!,
            Output = output,
            WriteOutput = name is "build" or "serve",
            Drafts = serve || (command.Options.Contains(Drafts) && result.GetValue(Drafts)),
            Future = serve || (command.Options.Contains(Future) && result.GetValue(Future)),
            Preview = command.Options.Contains(Preview) && result.GetValue(Preview),
            CheckExternal = command.Options.Contains(CheckExternal) && result.GetValue(CheckExternal),
            WarningsAsErrors = command.Options.Contains(WarningsAsErrors) && result.GetValue(WarningsAsErrors),
            BaseUrl = command.Options.Contains(BaseUrl) ? result.GetValue(BaseUrl) : null,
            Api = Environment.GetEnvironmentVariable("SITE_BENCHMARK_WITHOUT_API") != "1",
        };
        var format = command.Options.Contains(Format) ? Enum.Parse<OutputFormat>(result.GetValue(Format)!, ignoreCase: true) : OutputFormat.Text;
        var positional = name switch { "new" => words, "explain" => result.GetValue(Ids) ?? [], _ => [] };
        var fields = result.GetValue(Id) is { } id ? values.SetItem("id", id) : values;
        return (new CommandLine(name, options, format, command.Options.Contains(Verbose) && result.GetValue(Verbose), [.. positional])
        {
            Port = serve ? result.GetValue(Port) : 8080,
            Values = fields,
            JsonSchema = name == "model" && result.GetValue(ModelFormat) == "json-schema",
            CheckOnly = name == "format" && result.GetValue(CheckOnly),
            Report = command.Options.Contains(Report) ? result.GetValue(Report) : null,
        }, null);
    }

    /// <summary>The generated help of the root command or of one command.</summary>
    public static string Help(string[] command) => Invoke(Root.Parse([.. command, "--help"]));

    private static string Invoke(ParseResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        result.Invoke(new InvocationConfiguration { Output = text, Error = text });
        return text.ToString().TrimEnd();
    }

    /// <summary>The first parse error in plain words, a did-you-mean for a misspelt command or option, and the help.</summary>
    private static string Explain(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var error = result.Errors[0].Message;
        var unmatched = result.UnmatchedTokens.Count > 0 ? result.UnmatchedTokens[0] : null;
        if (unmatched is not null)
        {
            var candidates = unmatched.StartsWith('-')
                ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
                : command == Root ? Root.Subcommands.Select(c => c.Name) : [];
            error = unmatched.StartsWith('-') ? $"Unknown option '{unmatched}'." : command == Root ? $"Unknown command '{unmatched}'." : $"Unexpected argument '{unmatched}'.";
            if (Suggest.DidYouMean(unmatched, candidates) is { } suggestion)
            {
                error += " " + suggestion;
            }
        }

        return $"{error}\n\n{Help(command == Root ? [] : [command.Name])}";
    }

    /// <summary>For site new: takes out each '--name value' whose name is not one of the command's own options.</summary>
    private static (IReadOnlyList<string> Remaining, ImmutableDictionary<string, string> Values) FieldValues(IReadOnlyList<string> args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "--input", "--theme", "--id", "--help", "-h", "-?", "/?" };
        var rest = new List<string>();
        var values = ImmutableDictionary.CreateBuilder<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && !known.Contains(arg)
                && arg[2..].All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch is '_' or '-')
                && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[arg[2..].Replace('-', '_')] = args[++i];
                continue;
            }

            rest.Add(arg);
        }

        return (rest, values.ToImmutable());
    }
}

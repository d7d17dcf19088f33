using System.Collections.Frozen;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Theme;

/// <summary>
/// Every layout and partial of <c>theme/</c>, each parsed once per build and shared across threads. Each
/// render gets a fresh <see cref="TemplateContext"/> whose include cache is filled with the parsed partials,
/// and whose loader refuses any name that would leave <c>theme/partials/</c>.
/// </summary>
public sealed class ThemeTemplates
{
    private readonly FrozenDictionary<string, Template> _layouts;
    private readonly FrozenDictionary<string, Template> _partials;
    private readonly string _partialsFolder;
    private readonly SitePaths _paths;

    private readonly ScriptObject _functions;

    // Building Scriban's built-in function table is costly; it is read-only once built, so one per build
    // is shared by every render on every thread.
    private readonly ScriptObject _builtins = TemplateContext.GetDefaultBuiltinObject();

    private ThemeTemplates(FrozenDictionary<string, Template> layouts, FrozenDictionary<string, Template> partials, string partialsFolder, SitePaths paths, AssetManifest assets, Images.PicturePlan pictures)
    {
        _layouts = layouts;
        _partials = partials;
        _partialsFolder = partialsFolder;
        _paths = paths;
        _functions = new ScriptObject { ["asset"] = new AssetFunction(assets), ["picture"] = new PictureFunction(pictures) };
    }

    /// <summary>Layouts of the pages that are not content items; each content kind adds its own layout.</summary>
    public static readonly IReadOnlyList<string> SiteLayouts = ["base", "home", "list", "search", "404"];

    /// <param name="kindLayouts">The layout each kind of the content model names.</param>
    /// <param name="pictures">How photos are resized, for the <c>picture</c> function; site.yml's defaults when not given.</param>
    public static ThemeTemplates? Load(SitePaths paths, AssetManifest assets, DiagnosticBag diagnostics, IEnumerable<string> kindLayouts, Images.PicturePlan? pictures = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var layouts = ParseFolder(Path.Combine(paths.Theme, "layouts"), paths, diagnostics, keyByFullPath: false);
        var partialsFolder = Path.Combine(paths.Theme, "partials");
        var partials = ParseFolder(partialsFolder, paths, diagnostics, keyByFullPath: true);
        var ok = true;
        foreach (var missing in SiteLayouts.Concat(kindLayouts).Distinct(StringComparer.Ordinal).Where(l => !layouts.ContainsKey(l)))
        {
            diagnostics.Error(DiagnosticIds.TemplateMissing, SourceLocation.OfFile(paths.Display(Path.Combine(paths.Theme, "layouts", missing + ".sbn"))), $"The theme has no '{missing}' layout.", "Restore the file from git, or add it if a kind in input/model/ names it as its layout.");
            ok = false;
        }

        return ok && layouts.Values.Concat(partials.Values).All(t => !t.HasErrors)
            ? new ThemeTemplates(layouts.ToFrozenDictionary(StringComparer.Ordinal), partials.ToFrozenDictionary(StringComparer.Ordinal), partialsFolder, paths, assets, pictures ?? new Images.PicturePlan(new Images.ImageSizes(paths), new Content.ImageSettings(5, 6000)))
            : null;
    }

    public bool HasLayout(string name) => _layouts.ContainsKey(name);

    /// <summary>Renders a layout with the given globals; a failure is reported against the template and names the page.</summary>
    public string? Render(string layout, ScriptObject globals, string page, DiagnosticBag diagnostics) =>
        RenderWrapped(layout, null, globals, page, diagnostics);

    /// <summary>
    /// Renders <paramref name="layout"/>, then, when <paramref name="wrapper"/> is given, renders the wrapper with
    /// the first result as <c>content</c>, in the same template context.
    /// </summary>
    public string? RenderWrapped(string layout, string? wrapper, ScriptObject globals, string page, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (!_layouts.TryGetValue(layout, out var template) || (wrapper is not null && !_layouts.ContainsKey(wrapper)))
        {
            diagnostics.Error(DiagnosticIds.TemplateMissing, null, $"The theme has no '{(_layouts.ContainsKey(layout) ? wrapper : layout)}' layout (needed by {page}).");
            return null;
        }

        // Contexts are costly to set up (stacks, the partials cache), so each is reused for page after page,
        // one thread at a time; a context whose render failed is dropped, since it may be left mid-template.
        var context = _contexts.TryTake(out var pooled) ? pooled : NewContext();
        context.PushGlobal(globals);
        try
        {
            var inner = template.Render(context);
            if (wrapper is null)
            {
                Return(context);
                return inner;
            }

            layout = wrapper;
            globals["content"] = inner;
            var wrapped = _layouts[wrapper].Render(context);
            Return(context);
            return wrapped;
        }
        catch (ScriptRuntimeException ex)
        {
            var span = ex.Span;
            var message = ex.InnerException is ArgumentException inner ? inner.Message : ex.OriginalMessage;
            var file = string.IsNullOrEmpty(span.FileName) ? Path.Combine(_paths.Theme, "layouts", layout + ".sbn") : span.FileName;
            diagnostics.Error(
                DiagnosticIds.TemplateRender,
                new SourceLocation(_paths.Display(file), span.Start.Line + 1, span.Start.Column + 1),
                $"The template failed while rendering {page}: {message}");
            return null;
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<TemplateContext> _contexts = [];

    private TemplateContext NewContext()
    {
        var context = new TemplateContext(_builtins)
        {
            TemplateLoader = new PartialLoader(_partialsFolder),
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,

            // Scriban cuts any string over 1 MB with "..." by default, which silently corrupted long list
            // pages (a condition with thousands of articles); pages are as long as their content needs.
            LimitToString = 0,
            LoopLimit = 100_000,
            RecursiveLimit = 50,
            MemberRenamer = StandardMemberRenamer.Default,
        };
        foreach (var (path, partial) in _partials)
        {
            context.CachedTemplates[path] = partial;
        }

        context.PushGlobal(_functions);
        return context;
    }

    /// <summary>The longest page, in characters, whose context is reused; about eight times an article page.</summary>
    private const int LongestPooledOutput = 1 << 19;

    private void Return(TemplateContext context)
    {
        context.PopGlobal();
        // A context's output keeps the capacity of the longest page it rendered. One that rendered a page listing
        // thousands of items (11 million characters at 10,000 articles) is let go rather than kept, with its
        // buffer, to the end of the build.
        if (context.Output is StringBuilderOutput { Builder.Capacity: > LongestPooledOutput })
        {
            return;
        }

        _contexts.Add(context);
    }

    private static Dictionary<string, Template> ParseFolder(string folder, SitePaths paths, DiagnosticBag diagnostics, bool keyByFullPath)
    {
        var result = new Dictionary<string, Template>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var file in SourceFiles.Enumerate(folder, paths.Theme, paths, diagnostics, "*.sbn"))
        {
            var template = Template.Parse(File.ReadAllText(file), file);
            foreach (var message in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            {
                diagnostics.Error(
                    DiagnosticIds.TemplateSyntax,
                    new SourceLocation(paths.Display(file), message.Span.Start.Line + 1, message.Span.Start.Column + 1),
                    message.Message);
            }

            var key = keyByFullPath ? Path.GetFullPath(file) : Path.GetFileNameWithoutExtension(file);
            result[key] = template;
        }

        return result;
    }

    /// <summary>
    /// <c>asset "/assets/css/site.css"</c>: the fingerprinted address of a theme asset. Written out instead of
    /// imported from a delegate, because Scriban builds imported functions by reflection, which native
    /// compilation cannot see.
    /// </summary>
    private sealed class AssetFunction(AssetManifest assets) : IScriptCustomFunction
    {
        public int RequiredParameterCount => 1;

        public int ParameterCount => 1;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(string), "path");

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            ArgumentNullException.ThrowIfNull(arguments);
            if (arguments.Count != 1 || arguments[0] is not string original)
            {
                throw new ScriptRuntimeException(callerContext?.Span ?? default, "asset takes one text argument: the asset's path, for example asset \"/assets/css/site.css\".");
            }

            return assets.Resolve(original) ?? throw new ScriptRuntimeException(callerContext?.Span ?? default, $"The theme has no asset '{original}' (looked in theme{original}).");
        }

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>
    /// <c>picture item.image item.image_alt {width: 672, priority: true, class: "article__image"}</c>: the HTML for a
    /// photo in every resized width and format (see <see cref="Images.PictureMarkup"/>). Options: <c>width</c>, the
    /// widest it is shown in CSS pixels (required); <c>fixed</c>, always shown at that width (a portrait);
    /// <c>height</c>, the shown height of a fixed picture; <c>priority</c>, the page's main picture, loaded first;
    /// <c>class</c>; <c>sizes</c>, the <c>sizes</c> attribute when the layout knows better than <c>width</c> (a card in a
    /// grid). The result is HTML: do not escape it.
    /// </summary>
    private sealed class PictureFunction(Images.PicturePlan pictures) : IScriptCustomFunction
    {
        private const string Usage = "picture takes the picture's address, its alternative text and options, for example picture item.image item.image_alt {width: 672}.";

        public int RequiredParameterCount => 3;

        public int ParameterCount => 3;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(string);

        public ScriptParameterInfo GetParameterInfo(int index) => index switch
        {
            0 => new(typeof(string), "url"),
            1 => new(typeof(string), "alt"),
            _ => new(typeof(ScriptObject), "options"),
        };

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            ArgumentNullException.ThrowIfNull(arguments);
            var span = callerContext?.Span ?? default;
            if (arguments.Count != 3 || arguments[0] is not string url || arguments[1] is not (string or null) || arguments[2] is not ScriptObject options)
            {
                throw new ScriptRuntimeException(span, Usage);
            }

            foreach (var key in options.Keys)
            {
                if (key is not ("width" or "fixed" or "height" or "priority" or "class" or "sizes"))
                {
                    throw new ScriptRuntimeException(span, $"picture has no option '{key}'; its options are width, fixed, height, priority, class and sizes.");
                }
            }

            var width = Number(options, "width", span) ?? throw new ScriptRuntimeException(span, "picture needs the widest the picture is shown, in CSS pixels: {width: 672}.");
            if (options["sizes"] is not (null or string))
            {
                throw new ScriptRuntimeException(span, "picture's sizes must be text, such as sizes: \"(min-width: 48rem) 50vw, 100vw\".");
            }

            var use = new Images.PictureUse(width, options["fixed"] is true, options["priority"] is true, options["class"] as string, Number(options, "height", span), options["sizes"] as string);
            return Images.PictureMarkup.Html(pictures, url, arguments[1] as string, use);
        }

        private static int? Number(ScriptObject options, string key, SourceSpan span) => options[key] switch
        {
            null => null,
            int n when n > 0 => n,
            long n when n is > 0 and < 100_000 => (int)n,
            _ => throw new ScriptRuntimeException(span, $"picture's {key} must be a whole number of CSS pixels, such as {key}: 160."),
        };

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
    }

    /// <summary>Resolves <c>include "name"</c> to <c>theme/partials/name.sbn</c> and nothing else.</summary>
    private sealed class PartialLoader(string partialsFolder) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            var valid = templateName.Length > 0
                && !Path.IsPathRooted(templateName)
                && templateName.Split('/').All(s => s.Length > 0 && s != "." && s != "..")
                && templateName.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '/');
            if (!valid)
            {
                throw new ScriptRuntimeException(callerSpan, $"The include '{templateName}' is not a partial name; includes may only name files inside theme/partials/.");
            }

            var path = Path.GetFullPath(Path.Combine(partialsFolder, templateName + ".sbn"));
            return context.CachedTemplates.ContainsKey(path)
                ? path
                : throw new ScriptRuntimeException(callerSpan, $"There is no partial 'theme/partials/{templateName}.sbn'.");
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => File.ReadAllText(templatePath);

        public async ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            await File.ReadAllTextAsync(templatePath).ConfigureAwait(false);
    }
}

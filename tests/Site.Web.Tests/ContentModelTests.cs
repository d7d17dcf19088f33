using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;
using Site.Web.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Web.Tests;

/// <summary>The content model: kinds declared in input/model/, read by the build, the scaffold and the JSON Schemas.</summary>
public partial class ContentModelTests
{
    /// <summary>A kind the sample does not have, declared by the test: two fields and a reference to conditions.</summary>
    private const string FaqModel = """
        label: Question
        plural: Questions
        help: A question patients often ask, answered in the text.
        folder: faqs
        id: file-name
        url: /questions/{id}/
        layout: faq
        schema_type: Question
        title_field: question
        description_field: summary
        parts: [disclaimer]
        appears_in: [search, sitemap]
        list:
          url: /questions/
          title: Common questions
        fields:
          question:
            type: text
            required: true
            max_length: 90
            message: Keep the question under 90 characters so it fits in search results.
            help: The question, as a patient would ask it.
            example: Can I keep running with hamstring pain?
          summary:
            type: text
            required: true
            help: The answer in one or two sentences.
            example: Often yes, with changes to speed and hills while the tendon settles.
          conditions:
            type: references
            to: condition
            backlink_title: Questions about {title}
            help: The conditions the question is about.
            example: [proximal-hamstring-tendinopathy]
        """;

    private const string FaqLayout = """
        <article class="wrap">
          <h1>{{ item.question | html.escape }}</h1>
          <div class="prose" data-site="body">
        {{ item.body }}
          </div>
          {{ include "disclaimer" }}
          <p>About: {{ for c in item.conditions }}<a href="{{ c.url }}">{{ c.title | html.escape }}</a>{{ end }}</p>
        </article>
        """;

    private const string Faq = """
        ---
        question: Can I keep running with pain at the sitting bone?
        summary: Often yes, if you change speed work and hills for a while. A physiotherapist can help you plan it.
        conditions: [proximal-hamstring-tendinopathy]
        ---
        Many runners keep running while the tendon settles, with fewer hills and less speed work.
        """;

    private static Dictionary<string, string?> FaqSite(string faq) => new()
    {
        ["input/model/faq.yml"] = FaqModel,
        ["theme/layouts/faq.sbn"] = FaqLayout,
        ["input/faqs/running-with-hamstring-pain.md"] = faq,
    };

    [Fact]
    public async Task A_kind_declared_by_the_site_gets_its_pages_list_backlinks_sitemap_and_structured_data()
    {
        using var site = new TestSite(FaqSite(Faq));
        TestSite.AssertClean(await site.BuildAsync());

        var page = site.ReadOutput("questions/running-with-hamstring-pain/index.html");
        Assert.Contains("<h1>Can I keep running with pain at the sitting bone?</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/conditions/proximal-hamstring-tendinopathy/\">Proximal hamstring tendinopathy</a>", page, StringComparison.Ordinal);
        Assert.Contains("Many runners keep running", page, StringComparison.Ordinal);
        Assert.Contains("\"@type\":\"Question\"", page, StringComparison.Ordinal);

        var list = site.ReadOutput("questions/index.html");
        Assert.Contains("<h1>Common questions</h1>", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/questions/running-with-hamstring-pain/\"", list, StringComparison.Ordinal);

        // The condition's layout was not told about questions; the model's backlink_title puts them there.
        var condition = site.ReadOutput("conditions/proximal-hamstring-tendinopathy/index.html");
        Assert.Contains("Questions about Proximal hamstring tendinopathy</h2>", condition, StringComparison.Ordinal);
        Assert.Contains("href=\"/questions/running-with-hamstring-pain/\"", condition, StringComparison.Ordinal);

        Assert.Contains("https://test.example/questions/running-with-hamstring-pain/", site.ReadOutput("sitemap.xml"), StringComparison.Ordinal);
        Assert.Contains("/questions/running-with-hamstring-pain/", site.ReadOutput("search-index.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declared_kind_is_validated_at_file_line_and_column()
    {
        var faq = Faq
            .Replace("conditions: [proximal-hamstring-tendinopathy]", "conditions: [proximal-hamstring-tendinopthy]", StringComparison.Ordinal)
            .Replace("summary:", "sumary:", StringComparison.Ordinal)
            .Replace("question: Can I keep running with pain at the sitting bone?", "question: Can I keep running with pain at the sitting bone, or should I stop until it has completely gone away?", StringComparison.Ordinal);
        using var site = new TestSite(FaqSite(faq));
        var result = await site.BuildAsync();
        const string file = "input/faqs/running-with-hamstring-pain.md";

        var typo = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.UnknownKey);
        Assert.Equal((file, 3, 1), (typo.Location!.File, typo.Location.Line, typo.Location.Column));
        Assert.Equal("Did you mean 'summary'?", typo.Help);

        var missing = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.RequiredField);
        Assert.Contains("A question needs the field 'summary'", missing.Message, StringComparison.Ordinal);

        var tooLong = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.WrongType);
        Assert.Equal((file, 2, 11), (tooLong.Location!.File, tooLong.Location.Line, tooLong.Location.Column));
        Assert.Equal("Keep the question under 90 characters so it fits in search results.", tooLong.Message);

        // The item was not bound (a required field is missing), so its reference is checked once it is fixed.
        using var fixedSite = new TestSite(FaqSite(Faq.Replace("conditions: [proximal-hamstring-tendinopathy]", "conditions: [proximal-hamstring-tendinopthy]", StringComparison.Ordinal)));
        var reference = TestSite.SingleError(await fixedSite.BuildAsync());
        Assert.Equal(DiagnosticIds.UnknownReference, reference.Id);
        Assert.Equal((file, 4, 14), (reference.Location!.File, reference.Location.Line, reference.Location.Column));
        Assert.Equal("Did you mean 'proximal-hamstring-tendinopathy'?", reference.Help);
    }

    [Fact]
    public async Task A_declared_kind_without_its_layout_is_reported()
    {
        var files = FaqSite(Faq);
        files["theme/layouts/faq.sbn"] = null;
        using var site = new TestSite(files);
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.TemplateMissing, error.Id);
        Assert.Contains("'faq' layout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_schema_of_a_declared_kind_accepts_good_front_matter_and_refuses_bad()
    {
        using var site = new TestSite(FaqSite(Faq));
        var kind = LoadModel(site.Root).Kind("faq")!;
        var schema = Schema(kind);

        Assert.True(Validate(schema, FrontMatter(Faq)), "the valid question should pass");
        Assert.False(Validate(schema, FrontMatter(Faq.Replace("summary:", "sumary:", StringComparison.Ordinal))), "a misspelt required field should fail");
        Assert.False(Validate(schema, FrontMatter(Faq.Replace("summary:", "colour: blue\nsummary:", StringComparison.Ordinal))), "an unknown key should fail");
        Assert.False(Validate(schema, FrontMatter(Faq.Replace("[proximal-hamstring-tendinopathy]", "[Proximal Hamstring]", StringComparison.Ordinal))), "an id that is not a slug should fail");
        Assert.False(Validate(schema, FrontMatter(Faq.Replace("question: Can I", "question: " + new string('x', 90) + " Can I", StringComparison.Ordinal))), "a question over 90 characters should fail");
    }

    [Fact]
    public void The_sample_front_matter_validates_against_the_sample_schemas()
    {
        var model = LoadModel(TestSite.RepositoryRoot);
        var checkedFiles = 0;
        foreach (var kind in model.Kinds)
        {
            var schema = Schema(kind);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "input", kind.Folder), "*.md"))
            {
                var text = File.ReadAllText(file);
                Assert.True(Validate(schema, FrontMatter(text)), $"{file} does not match the {kind.Name} schema");
                checkedFiles++;
            }
        }

        Assert.True(checkedFiles >= 8, $"only {checkedFiles} sample files were checked");

        // And the schemas are strict enough to fail: the first article without its author.
        var article = model.Kind("article")!;
        var first = Directory.EnumerateFiles(Path.Combine(TestSite.RepositoryRoot, "input", "articles"), "*.md").Order(StringComparer.Ordinal).First();
        Assert.False(Validate(Schema(article), FrontMatter(AuthorLine().Replace(File.ReadAllText(first), ""))));
    }

    [Fact]
    public async Task A_broken_model_file_is_reported_at_its_line_with_a_suggestion()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/model/faq.yml"] = FaqModel.Replace("    type: references\n    to: condition", "    type: refrences\n    to: condition", StringComparison.Ordinal),
            ["theme/layouts/faq.sbn"] = FaqLayout,
        });
        var result = await site.BuildAsync();
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticIds.ModelInvalid, error.Id);
        Assert.Equal(("input/model/faq.yml", 30, 11), (error.Location!.File, error.Location.Line, error.Location.Column));
        Assert.Equal("Did you mean 'references'?", error.Help);
    }

    [Fact]
    public async Task A_reference_to_a_kind_the_model_does_not_have_is_reported()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/model/faq.yml"] = FaqModel.Replace("to: condition", "to: conditions", StringComparison.Ordinal),
            ["theme/layouts/faq.sbn"] = FaqLayout,
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(DiagnosticIds.ModelInvalid, error.Id);
        Assert.Contains("refers to the kind 'conditions'", error.Message, StringComparison.Ordinal);
        Assert.Equal("Did you mean 'condition'?", error.Help);
    }

    [Theory]
    [InlineData("    required: true\n    help: The answer in one or two sentences.", "    help: The answer in one or two sentences.", "optional and has no default")]
    [InlineData("  summary:\n", "  url:\n", "a name layouts already use")]
    [InlineData("url: /questions/{id}/", "url: /questions/{id}/\"x/", "must start and end with '/'")]
    public async Task A_model_that_would_fail_later_is_refused_at_once(string find, string replace, string message)
    {
        var model = FaqModel.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(FaqModel, model);
        using var site = new TestSite(new Dictionary<string, string?> { ["input/model/faq.yml"] = model, ["theme/layouts/faq.sbn"] = FaqLayout });
        var result = await site.BuildAsync();
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.ModelInvalid && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_at_the_address_of_a_kinds_list_is_a_collision_naming_its_file()
    {
        using var site = new TestSite(new Dictionary<string, string?> { ["input/pages/team.md"] = TestSite.Disclaimer.Replace("title: Medical disclaimer", "title: Team", StringComparison.Ordinal) });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal("SITE0004", error.Id);
        Assert.Contains("'team/index.html'", error.Message, StringComparison.Ordinal);
        Assert.Contains("input/pages/team.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_rules_between_kinds_are_checked_when_the_model_is_read()
    {
        var article = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "input", "model", "article.yml"));
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/model/article.yml"] = article.Replace("author_field: author", "author_field: reviewed_by", StringComparison.Ordinal),
            ["input/model/faq.yml"] = FaqModel.Replace("    backlink_title: Questions about {title}", "    backlink_title: Questions about {title}\n  topics:\n    type: list\n    taxonomy: true", StringComparison.Ordinal)
                .Replace("url: /questions/\n", "url: /services/\n", StringComparison.Ordinal),
            ["theme/layouts/faq.sbn"] = FaqLayout,
        });
        var messages = (await site.BuildAsync()).Diagnostics.Where(d => d.Id == DiagnosticIds.ModelInvalid).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("have topics (taxonomy)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("list page would be at /services/, which is already the", StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("author_field", StringComparison.Ordinal)); // reviewed_by refers to authors, who are people
    }

    [Fact]
    public async Task A_web_address_that_could_leave_its_attribute_is_refused()
    {
        using var site = new TestSite(new Dictionary<string, string?>
        {
            ["input/authors/melissa.md"] = TestSite.Author.Replace("registration: PHY0000000001", "registration: PHY0000000001\nbooking_url: 'https://book.test.example/x\" onmouseover=\"alert(1)'", StringComparison.Ordinal),
        });
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal((DiagnosticIds.WrongType, 6), (error.Id, error.Location!.Line));
    }

    private static ContentModel LoadModel(string root)
    {
        var diagnostics = new DiagnosticBag();
        var model = ContentModel.Load(SitePaths.From(Path.Combine(root, "input"), Path.Combine(root, "theme"), Path.Combine(root, "output"), root), diagnostics);
        Assert.True(model is not null, string.Join("\n", diagnostics.Sorted()));
        return model!;
    }

    /// <summary>Each schema gets its own base address, so two tests' schemas of one kind never meet in a registry.</summary>
    private static JsonSchema Schema(KindDefinition kind) =>
        JsonSchema.FromText(ModelDescription.SchemaText(kind), null, new Uri($"https://schemas.test.example/{Guid.NewGuid():N}/"));

    private static bool Validate(JsonSchema schema, JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        return schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid;
    }

    /// <summary>The front matter of a Markdown file as JSON, with YAML 1.2 core-schema types for plain scalars.</summary>
    private static JsonNode FrontMatter(string markdown)
    {
        var parts = markdown.ReplaceLineEndings("\n").Split("---\n");
        var stream = new YamlStream();
        stream.Load(new StringReader(parts[1]));
        return ToJson(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, out var n) => JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException("unexpected YAML node"),
    };

    [GeneratedRegex("(?m)^author: .*\n")]
    private static partial Regex AuthorLine();
}

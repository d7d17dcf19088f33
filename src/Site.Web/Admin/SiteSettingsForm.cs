using System.Text.Json.Nodes;
using Site.Web.Model;

namespace Site.Web.Admin;

/// <summary>
/// <c>input/site.yml</c> as a form in the editor: a file collection with one widget per setting that
/// <see cref="Content.SiteSettings"/> reads, in the file's order, with the help that used to be comments in the
/// file, the build's rules as patterns, and the disclaimer's page chosen from the pages that exist. Settings the
/// form does not show (<c>diagnostics:</c>) are kept by the editor as they are.
/// </summary>
public static class SiteSettingsForm
{
    /// <summary>The collection's name in the editor.</summary>
    public const string Name = "settings";

    public const string File = "input/site.yml";

    private static readonly string[] Days = [.. Enum.GetNames<DayOfWeek>().Skip(1), nameof(DayOfWeek.Sunday)];

    /// <summary>The top-level settings in the form's order, which the editor writes site.yml in.</summary>
    public static IReadOnlyList<string> FieldOrder => [.. Fields(null).Select(f => (string)f!["name"]!)];

    public static JsonObject Collection(ContentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new JsonObject
        {
            ["name"] = Name,
            ["label"] = "Site settings",
            ["description"] = "The clinic's details, booking, disclaimer and menus, shown on every page.",
            // Every page shows these settings; the preview of an entry already shows them on its page.
            ["editor"] = new JsonObject { ["preview"] = false },
            ["files"] = new JsonArray(new JsonObject
            {
                ["name"] = "site",
                ["label"] = "Site settings",
                ["file"] = File,
                ["fields"] = new JsonArray([.. Fields(model)]),
            }),
        };
    }

    private static IEnumerable<JsonNode> Fields(ContentModel? model)
    {
        yield return Text("name", "The clinic's name, as on its sign.");
        yield return Text("base_url", "The site's address, starting with https://. Deploy previews use their own.", pattern: ["^https?://\\S+$", "Write the full address, starting with https://."]);
        yield return Text("language", "The language of the site as a tag such as en-AU.", required: false, pattern: ["^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "Write a language tag such as en-AU."]);
        yield return Text("time_zone", "The clinic's time zone, such as Australia/Sydney: an article dated today appears at midnight there.");
        yield return Text("description", "One or two sentences about the clinic, shown on the home page and in search results.");
        yield return Text("home_title", "The home page's title in search results and browser tabs, at most 60 characters: what the clinic does and where. The clinic's name when empty.", required: false);
        yield return Group("home", "The top of the home page: what the clinic does and for whom, beside a photo.", required: false,
            Text("heading", "The home page's main heading, at most 90 characters, such as: Physiotherapy for runners in Northville. The clinic's name when empty.", required: false, pattern: ["^.{0,90}$", "Keep the heading to 90 characters or fewer."]),
            Image("image", "A photo of the clinic or its people, at least 1120 pixels wide; it is resized for each screen."),
            Text("image_alt", "What the photo shows, for people who cannot see it.", required: false));
        yield return Image("social_image", "Shown when a page is shared on social media and has no picture of its own.");
        yield return Text("social_image_alt", "What the social image shows, for people who cannot see it.", required: false);
        yield return Group("clinic", "Where and when the clinic is open; shown in every page's footer and in search results.", required: true,
            Text("street", "Street address, with the level or suite."),
            Text("suburb", "Suburb."),
            Text("state", "State or territory, such as NSW."),
            Text("postcode", "Postcode."),
            Text("phone", "The phone number as people dial it."),
            Text("email", "One email address.", required: false, pattern: ["^[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+$", "Write one email address, such as hello@clinic.example."]),
            Text("directions_url", "The clinic's listing on a map site (its Share link), for the Get directions link. No link when empty.", required: false, pattern: ["^https://\\S+$", "Paste the full link, starting with https://."]),
            new JsonObject
            {
                ["label"] = "Opening hours",
                ["name"] = "hours",
                ["widget"] = "list",
                ["required"] = false,
                ["hint"] = "Days in full, times in 24-hour form. Days not listed are shown as closed.",
                ["summary"] = "{{fields.opens}}–{{fields.closes}}",
                ["fields"] = new JsonArray(
                    new JsonObject
                    {
                        ["label"] = "Days",
                        ["name"] = "days",
                        ["widget"] = "select",
                        ["multiple"] = true,
                        ["required"] = true,
                        ["options"] = new JsonArray([.. Days.Select(d => (JsonNode)d)]),
                    },
                    Text("opens", "Opening time, such as 07:00.", pattern: ["^([01][0-9]|2[0-3]):[0-5][0-9]$", "Write a 24-hour time such as 07:30."]),
                    Text("closes", "Closing time, such as 19:00.", pattern: ["^([01][0-9]|2[0-3]):[0-5][0-9]$", "Write a 24-hour time such as 19:00."])),
            });
        yield return Group("booking", "Where the book-now button on every page leads.", required: true,
            Text("url", "The booking page's full address, starting with https://.", pattern: ["^https?://\\S+$", "Write the full address, starting with https://."]),
            Text("label", "The button's words.", required: false));
        var page = model?.Kinds.FirstOrDefault(k => k.Name == "page");
        yield return Group("disclaimer", "The medical disclaimer shown on every page whose kind asks for it.", required: true,
            new JsonObject { ["label"] = "Text", ["name"] = "text", ["widget"] = "text", ["required"] = true, ["hint"] = "The disclaimer's words, shown in a box on those pages." },
            page is null
                ? Text("page", "The id of the page with the full disclaimer.", required: false)
                : new JsonObject
                {
                    ["label"] = "Page",
                    ["name"] = "page",
                    ["widget"] = "relation",
                    ["required"] = false,
                    ["hint"] = "The page with the full disclaimer, which every disclaimer box links to.",
                    ["collection"] = page.Name,
                    ["value_field"] = "{{slug}}",
                    ["search_fields"] = new JsonArray(page.TitleField),
                    ["display_fields"] = new JsonArray(page.TitleField),
                });
        yield return Links("navigation", "The menu at the top of every page, in order.");
        yield return Links("footer_navigation", "The links at the foot of every page, in order.");
        yield return Number("articles_per_page", "How many articles each page of the article list shows.", 1, 100);
        yield return Number("api_page_size", "How many items each page of the content API's lists holds.", 1, 500);
        yield return Text("advertising", "The health-advertising rules the build applies: au (Australia, the default), uk, or the name of the clinic's own rules file in input/.", required: false);
        yield return Group("review", "How often a registered practitioner reviews clinical content (articles and conditions).", required: false,
            Number("every_months", "Months between reviews (12 unless set).", 1, 60),
            Number("warn_days", "How many days before a review falls due the build starts to warn (30 unless set).", 0, 365));
        yield return Group("readability", "The reading grade articles, conditions and services aim for. The Australian Government Style Manual aims for Year 7.", required: false,
            Number("target", "Above this grade the build warns (8 unless set).", 1, 20),
            Number("limit", "Above this grade the build fails (12 unless set).", 1, 20));
        yield return Group("images", "The largest picture the site accepts before it warns.", required: false,
            Number("max_mb", "Megabytes (5 unless set).", 1, 100),
            Number("max_pixels", "Pixels on the longest side (6000 unless set).", 500, 20000));
        yield return new JsonObject
        {
            ["label"] = "Glossary",
            ["name"] = "glossary",
            ["widget"] = "list",
            ["required"] = false,
            ["hint"] = "Medical names the pages explain. They count as one plain word when the reading grade is measured.",
            ["summary"] = "{{fields.term}}",
            ["fields"] = new JsonArray(
                Text("term", "The term as the pages write it, such as proximal hamstring tendinopathy."),
                new JsonObject { ["label"] = "Meaning", ["name"] = "meaning", ["widget"] = "text", ["required"] = true, ["hint"] = "What it means, in plain words." }),
        };
        yield return Group("editor", "The GitHub repository this editor saves to: every change becomes a pull request to the branch.", required: false,
            Text("repo", "The repository, written owner/name.", pattern: ["^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", "Write the repository as owner/name."]),
            Text("branch", "The branch the site is built from.", required: false));
    }

    private static JsonObject Text(string name, string hint, bool required = true, string[]? pattern = null)
    {
        var field = new JsonObject { ["label"] = EditorConfig.Label(name), ["name"] = name, ["widget"] = "string", ["required"] = required, ["hint"] = hint };
        if (pattern is not null)
        {
            field["pattern"] = new JsonArray(pattern[0], pattern[1]);
        }

        return field;
    }

    /// <summary>An optional picture, uploaded or chosen from the site's own (no address elsewhere).</summary>
    private static JsonObject Image(string name, string hint) => new()
    {
        ["label"] = EditorConfig.Label(name),
        ["name"] = name,
        ["widget"] = "image",
        ["required"] = false,
        ["choose_url"] = false,
        ["hint"] = hint,
    };

    private static JsonObject Number(string name, string hint, int min, int max) => new()
    {
        ["label"] = EditorConfig.Label(name),
        ["name"] = name,
        ["widget"] = "number",
        ["value_type"] = "int",
        ["min"] = min,
        ["max"] = max,
        ["required"] = false,
        ["hint"] = hint,
    };

    private static JsonObject Group(string name, string hint, bool required, params JsonNode[] fields) => new()
    {
        ["label"] = EditorConfig.Label(name),
        ["name"] = name,
        ["widget"] = "object",
        ["required"] = required,
        ["hint"] = hint,
        ["fields"] = new JsonArray(fields),
    };

    private static JsonObject Links(string name, string hint) => new()
    {
        ["label"] = EditorConfig.Label(name),
        ["name"] = name,
        ["widget"] = "list",
        ["required"] = false,
        ["hint"] = hint,
        ["summary"] = "{{fields.title}} ({{fields.url}})",
        ["fields"] = new JsonArray(
            Text("title", "The link's words."),
            Text("url", "A path on this site such as /about/, or a full https:// address.", pattern: ["^(/(?!/)\\S*|https://\\S+)$", "Write a path on this site starting with '/', or a full https:// address."])),
    };
}

using System.Collections.Immutable;
using System.Globalization;
using Site.Web.Diagnostics;

namespace Site.Web.Content;

/// <summary>Everything in <c>input/site.yml</c>: the clinic, booking, disclaimer and navigation.</summary>
public sealed record SiteSettings(
    string Name,
    string BaseUrl,
    string Language,
    TimeZoneInfo TimeZone,
    string Description,
    Clinic Clinic,
    Booking Booking,
    DisclaimerSettings Disclaimer,
    ImmutableArray<NavItem> Navigation,
    ImmutableArray<NavItem> FooterNavigation,
    int ArticlesPerPage)
{
    /// <summary>The picture shared with links to pages that have none of their own (root-relative).</summary>
    /// <summary>The home page's title (<c>home_title</c>, at most 60 characters), or null for the site's name.</summary>
    public string? HomeTitle { get; init; }

    public string? SocialImage { get; init; }

    /// <summary><c>home:</c> the home page's heading (what the clinic does, for whom) and its photo.</summary>
    public HomeSettings Home { get; init; } = new(null, null, null, null);

    public string? SocialImageAlt { get; init; }

    /// <summary>Where site.yml names <see cref="SocialImage"/>, for messages about the file.</summary>
    public Engine.Diagnostics.SourceLocation? SocialImageLocation { get; init; }

    /// <summary>Diagnostic ids set to another severity in site.yml; null means off.</summary>
    public ImmutableDictionary<string, Engine.Diagnostics.Severity?> Severities { get; init; } = ImmutableDictionary<string, Engine.Diagnostics.Severity?>.Empty;

    /// <summary>Item summaries per page of the content API's lists (<c>api_page_size</c>, default 50).</summary>
    public int ApiPageSize { get; init; } = 50;

    /// <summary>Where the editor at /admin/ saves: the clinic's GitHub repository and branch (<c>editor:</c>).</summary>
    public EditorSettings? Editor { get; init; }

    /// <summary>
    /// <c>advertising:</c>, the health-advertising rules to apply: a built-in profile (au, the default, or uk) or
    /// the clinic's own rules file in input/. <see cref="Advertising"/> is the profile it names, once loaded.
    /// </summary>
    public Located<string>? AdvertisingChoice { get; init; }

    public Checks.Advertising.AdvertisingProfile Advertising { get; init; } = Checks.Advertising.AdvertisingProfile.Default;

    /// <summary><c>review:</c> how often clinical content is reviewed, and how early a coming review is a warning.</summary>
    public ReviewSettings Review { get; init; } = new(12, 30);

    /// <summary><c>readability:</c> the reading grade bodies aim for (a warning above it) and must not pass (an error).</summary>
    public ReadabilitySettings Readability { get; init; } = new(8, 12);

    /// <summary><c>images:</c> the budget a picture's original must keep to.</summary>
    public ImageSettings Images { get; init; } = new(5, 6000);

    /// <summary><c>glossary:</c> terms the pages explain (medical names), counted as one plain word when measuring.</summary>
    public ImmutableArray<GlossaryEntry> Glossary { get; init; } = [];

    /// <summary>An absolute URL on the site's base URL for a root-relative path.</summary>
    public string Absolute(string path) => BaseUrl.TrimEnd('/') + path;

    public static SiteSettings? Read(YamlFields f, string? baseUrlOverride)
    {
        ArgumentNullException.ThrowIfNull(f);
        var name = f.Text("name", required: true);
        var baseUrl = baseUrlOverride ?? f.Text("base_url", required: true);
        if (baseUrlOverride is not null)
        {
            f.Text("base_url");
        }

        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("base_url"), $"'base_url' must be an absolute web address, but it is '{baseUrl}'.", "For example: base_url: https://www.physionorth.example");
            baseUrl = null;
        }

        var language = f.Text("language") ?? "en-AU";
        if (!System.Text.RegularExpressions.Regex.IsMatch(language, "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("language"), $"'language' must be a language tag such as en-AU, but it is '{language}'.", "For example: language: en-AU");
            language = "en-AU";
        }
        var zoneName = f.Text("time_zone", required: true);
        TimeZoneInfo? zone = null;
        if (zoneName is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("time_zone"), $"'{zoneName}' is not a known time zone.", "Use an IANA name such as Australia/Sydney or Australia/Brisbane.");
        }

        var description = f.Text("description", required: true);
        var homeTitle = f.Text("home_title");
        if (homeTitle is { Length: > 60 })
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("home_title"), $"'home_title' is {homeTitle.Length} characters; search results cut titles after about 60.", $"Say what the clinic does and where in fewer words, for example: {name ?? "Clinic name"}: physiotherapy in your suburb");
        }

        var clinic = f.Map("clinic", required: true) is { } c ? Clinic.Read(c) : null;
        var booking = f.Map("booking", required: true) is { } b ? Booking.Read(b) : null;
        var disclaimer = f.Map("disclaimer", required: true) is { } d ? DisclaimerSettings.Read(d) : null;
        var navigation = f.MapList("navigation").Select(NavItem.Read).OfType<NavItem>().ToImmutableArray();
        var footer = f.MapList("footer_navigation").Select(NavItem.Read).OfType<NavItem>().ToImmutableArray();
        var perPage = f.Number("articles_per_page", 1, 100) ?? 10;
        var apiPageSize = f.Number("api_page_size", 1, 500) ?? 50;
        var editor = f.Map("editor") is { } e ? EditorSettings.Read(e) : null;
        var (socialImage, socialImageAlt) = ImageFields.Read(f, "social_image", "social_image_alt");
        if (socialImage is not null && !ContentUrls.IsSitePath(socialImage))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("social_image"), $"'social_image' must be an address on this site starting with '/', but it is '{socialImage}'.", "For example: social_image: /assets/images/social-card.png");
            socialImage = null;
        }
        var severities = f.Map("diagnostics") is { } levels ? ReadSeverities(levels) : ImmutableDictionary<string, Engine.Diagnostics.Severity?>.Empty;
        var review = f.Map("review") is { } reviewMap ? ReviewSettings.Read(reviewMap) : new ReviewSettings(12, 30);
        var readability = f.Map("readability") is { } readabilityMap ? ReadabilitySettings.Read(readabilityMap) : new ReadabilitySettings(8, 12);
        var images = f.Map("images") is { } imagesMap ? ImageSettings.Read(imagesMap) : new ImageSettings(5, 6000);
        var glossary = f.MapList("glossary").Select(GlossaryEntry.Read).OfType<GlossaryEntry>().ToImmutableArray();
        var home = f.Map("home") is { } homeMap ? HomeSettings.Read(homeMap) : new HomeSettings(null, null, null, null);
        var advertising = f.Text("advertising") is { } rules ? new Located<string>(rules, f.LocationOf("advertising")) : null;
        f.ReportUnknownKeys();

        return name is null || baseUrl is null || zone is null || description is null || clinic is null || booking is null || disclaimer is null
            ? null
            : new SiteSettings(name, baseUrl.TrimEnd('/'), language, zone, description, clinic, booking, disclaimer, navigation, footer, perPage)
            {
                HomeTitle = homeTitle is { Length: <= 60 } ? homeTitle : null,
                SocialImage = socialImage,
                Home = home,
                SocialImageAlt = socialImageAlt,
                SocialImageLocation = socialImage is null ? null : f.LocationOf("social_image"),
                Severities = severities,
                ApiPageSize = apiPageSize,
                Editor = editor,
                AdvertisingChoice = advertising,
                Review = review,
                Readability = readability,
                Glossary = glossary,
                Images = images,
            };
    }

    /// <summary><c>diagnostics:</c> with one line per id: <c>SITE6005: warning</c> (or error, or off).</summary>
    private static ImmutableDictionary<string, Engine.Diagnostics.Severity?> ReadSeverities(YamlFields f)
    {
        var known = DiagnosticIds.All.Select(d => d.Id).ToList();
        var result = ImmutableDictionary.CreateBuilder<string, Engine.Diagnostics.Severity?>(StringComparer.Ordinal);
        foreach (var id in f.Keys.ToList())
        {
            var value = f.Text(id, required: true);
            if (!known.Contains(id))
            {
                f.Diagnostics.Error(DiagnosticIds.UnknownKey, f.KeyLocation(id), $"'{id}' is not a diagnostic id.", Suggest.DidYouMean(id, known) ?? "Run 'site explain' for the list.");
                continue;
            }

            if (value is "warning" or "off" && !DiagnosticIds.Adjustable.Contains(id))
            {
                f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf(id), $"{id} cannot be set to {value}: it means the site would be built incomplete or wrong.", "Only findings of the checks (SITE1008, SITE1009, SITE2xxx, SITE3001 to SITE3003, SITE6xxx, SITE7001) can be turned down; fix this one instead.");
                continue;
            }

            switch (value)
            {
                case "error":
                    result[id] = Engine.Diagnostics.Severity.Error;
                    break;
                case "warning":
                    result[id] = Engine.Diagnostics.Severity.Warning;
                    break;
                case "off":
                    result[id] = null;
                    break;
                case not null:
                    f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf(id), $"'{id}' must be error, warning or off, but it is '{value}'.", Suggest.DidYouMean(value, ["error", "warning", "off"]) ?? $"For example: {id}: warning");
                    break;
            }
        }

        return result.ToImmutable();
    }
}

public sealed record Clinic(string Street, string Suburb, string State, string Postcode, string Phone, string? Email, ImmutableArray<OpeningHours> Hours)
{
    /// <summary><c>directions_url</c>: the clinic's own listing on a map service, for a "Get directions" link (optional).</summary>
    public string? DirectionsUrl { get; init; }

    /// <summary>The phone number as a tel: link target (digits and a leading + only).</summary>
    public string PhoneLink => "tel:" + new string([.. Phone.Where(ch => char.IsDigit(ch) || ch == '+')]);

    public static Clinic? Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var street = f.Text("street", required: true);
        var suburb = f.Text("suburb", required: true);
        var state = f.Text("state", required: true);
        var postcode = f.Text("postcode", required: true);
        var phone = f.Text("phone", required: true);
        var email = f.Text("email");
        if (email is not null && !IsEmailAddress(email))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("email"), $"clinic.email must be one email address, such as hello@clinic.example, not '{email}'.", "Write the address alone: no name, spaces, quotes or angle brackets.");
            email = null;
        }

        var hours = f.MapList("hours").Select(OpeningHours.Read).OfType<OpeningHours>().ToImmutableArray();
        var directions = f.Text("directions_url");
        if (directions is not null && !(directions.StartsWith("https://", StringComparison.Ordinal) && Uri.IsWellFormedUriString(directions, UriKind.Absolute) && !directions.Any(ch => ch is '"' or '\'' or '<' or '>' or ' ')))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("directions_url"), $"clinic.directions_url must be one https:// address, such as the clinic's listing on a map, not '{directions}'.", "Open the clinic on a map site, choose Share, and paste the link it gives.");
            directions = null;
        }

        f.ReportUnknownKeys();
        return street is null || suburb is null || state is null || postcode is null || phone is null
            ? null
            : new Clinic(street, suburb, state, postcode, phone, email, hours) { DirectionsUrl = directions };
    }

    /// <summary>One plain address: a local part, '@', and a domain with a dot; nothing that could leave a mailto: link.</summary>
    private static bool IsEmailAddress(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && text.IndexOf('.', at) > at + 1 && !text.EndsWith('.')
            && !text.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || ch is '<' or '>' or '"' or '\'' or '(' or ')' or ',' or ';' or ':' or '?' or '&' or '/');
    }
}

/// <summary>Opening hours for a set of days, with 24-hour times.</summary>
public sealed record OpeningHours(ImmutableArray<DayOfWeek> Days, TimeOnly Opens, TimeOnly Closes)
{
    private static readonly string[] DayNames = Enum.GetNames<DayOfWeek>();

    /// <summary>"Monday to Friday", "Saturday", or "Monday, Wednesday and Friday".</summary>
    public string DaysText => _daysText ??= Describe();

    private string? _daysText;

    private string Describe()
    {
        {
            var names = Days.Select(d => d.ToString()).ToList();
            var consecutive = Days.Length > 2 && Days.Zip(Days.Skip(1)).All(p => ((int)p.First + 1) % 7 == (int)p.Second);
            return names.Count switch
            {
                1 => names[0],
                _ when consecutive => $"{names[0]} to {names[^1]}",
                _ => $"{string.Join(", ", names.SkipLast(1))} and {names[^1]}",
            };
        }
    }

    /// <summary>"7:00 am to 7:00 pm".</summary>
    public string TimesText => _timesText ??= $"{Show(Opens)} to {Show(Closes)}";

    private string? _timesText;

    private static string Show(TimeOnly time) => time.ToString("h:mm tt", System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant();

    public static OpeningHours? Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var days = f.List("days", required: true);
        var parsed = ImmutableArray.CreateBuilder<DayOfWeek>();
        foreach (var day in days)
        {
            if (Enum.TryParse<DayOfWeek>(day.Value, ignoreCase: true, out var value) && DayNames.Contains(day.Value, StringComparer.OrdinalIgnoreCase))
            {
                parsed.Add(value);
            }
            else
            {
                f.Diagnostics.Error(DiagnosticIds.WrongType, day.Location, $"'{day.Value}' is not a day of the week.", Suggest.DidYouMean(day.Value, DayNames) ?? "Write days in full: Monday, Tuesday...");
            }
        }

        var opens = Time(f, "opens");
        var closes = Time(f, "closes");
        f.ReportUnknownKeys();
        if (opens is not null && closes is not null && closes <= opens)
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("closes"), $"Closing time {closes:HH:mm} is not after opening time {opens:HH:mm}.", "Times are 24-hour: 7 pm is 19:00.");
            return null;
        }

        return parsed.Count == 0 || opens is null || closes is null ? null : new OpeningHours(parsed.ToImmutable(), opens.Value, closes.Value);
    }

    private static TimeOnly? Time(YamlFields f, string key)
    {
        var text = f.Text(key, required: true);
        if (text is null)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
        {
            return time;
        }

        f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf(key), $"'{key}' must be a 24-hour time such as 07:30 or 19:00, but it is '{text}'.", $"For example: {key}: \"07:30\"");
        return null;
    }
}

public sealed record Booking(string Url, string Label)
{
    public static Booking? Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var url = ContentUrls.ReadAbsolute(f, "url", required: true);
        var label = f.Text("label") ?? "Book an appointment";
        f.ReportUnknownKeys();
        return url is null ? null : new Booking(url, label);
    }
}

/// <summary>
/// The editor's git backend: the clinic's GitHub repository as <c>owner/name</c> and the branch it publishes from.
/// Every edit made at /admin/ becomes a pull request there.
/// </summary>
public sealed partial record EditorSettings(string Repository, string Branch)
{
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RepositoryPattern();

    public static EditorSettings? Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var repository = f.Text("repo", required: true);
        var branch = f.Text("branch") ?? "main";
        f.ReportUnknownKeys();
        if (repository is not null && !RepositoryPattern().IsMatch(repository))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("repo"), $"'repo' must be a GitHub repository written owner/name, but it is '{repository}'.", "For example: repo: physionorth/website");
            return null;
        }

        return repository is null ? null : new EditorSettings(repository, branch);
    }
}

/// <summary>The disclaimer's wording and the page that explains it in full. Which kinds show it is said by each kind's model file.</summary>
public sealed record DisclaimerSettings(string Text, string Page)
{
    /// <summary>Where the disclaimer page was named, for errors about it.</summary>
    public Engine.Diagnostics.SourceLocation? PageLocation { get; init; }

    public static DisclaimerSettings? Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var text = f.Text("text", required: true);
        if (f.Has("required_on"))
        {
            // Which kinds carry the disclaimer moved to the content model; say so instead of "unknown field".
            f.List("required_on");
            f.Diagnostics.Error(DiagnosticIds.UnknownKey, f.LocationOf("required_on"), "'required_on' is no longer set in site.yml: each kind of content says whether its pages show the disclaimer.", "Remove this line, and write parts: [disclaimer] in input/model/KIND.yml for each kind that needs it.");
        }

        var page = f.Text("page") ?? "medical-disclaimer";
        if (!page.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-') || page.Length == 0)
        {
            // It becomes the address /{page}/ that every page links to, so it is an id, never free text.
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("page"), $"disclaimer.page must be the id of a page (lowercase letters, digits and hyphens), not '{page}'.", "For example: page: medical-disclaimer");
            return null;
        }

        f.ReportUnknownKeys();
        return text is null ? null : new DisclaimerSettings(text, page) { PageLocation = f.LocationOf(f.Has("page") ? "page" : "text") };
    }
}

public sealed record NavItem(string Title, string Url)
{
    public static NavItem? Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var title = f.Text("title", required: true);
        var url = f.Text("url", required: true);
        f.ReportUnknownKeys();
        if (url is not null && !ContentUrls.IsSitePath(url) && !(url.StartsWith("https://", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Absolute) && !url.Any(ch => ch is '"' or '\'' or '<' or '>')))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("url"), $"A navigation address must be a path on this site or an https:// address, but it is '{url}'.", "For example: url: /about/");
            return null;
        }

        return title is null || url is null ? null : new NavItem(title, url);
    }
}

/// <summary>
/// <c>home:</c> the home page's <c>heading</c> (its h1: what the clinic does and for whom; the clinic's name when
/// absent) and the photo beside it (<c>image</c>, with <c>image_alt</c>), resized like every other photo.
/// </summary>
public sealed record HomeSettings(string? Heading, string? Image, string? ImageAlt, Engine.Diagnostics.SourceLocation? ImageLocation)
{
    public static HomeSettings Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var heading = f.Text("heading");
        if (heading is { Length: > 90 })
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("heading"), $"home: heading is {heading.Length} characters; a heading readers take in at a glance is at most 90.", "Say what the clinic does and for whom in one short line, for example: Physiotherapy for runners in Northville");
            heading = null;
        }

        var (image, alt) = ImageFields.Read(f, "image", "image_alt");
        if (image is not null && !ContentUrls.IsSitePath(image))
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("image"), $"home: image must be an address on this site starting with '/', but it is '{image}'.", "For example: image: /assets/images/treatment-room.jpg");
            image = null;
        }

        var at = image is null ? null : f.LocationOf("image");
        f.ReportUnknownKeys();
        return new HomeSettings(heading, image, alt, at);
    }
}

/// <summary><c>review:</c> clinical content is reviewed every <c>every_months</c>; <c>warn_days</c> before that, a warning.</summary>
public sealed record ReviewSettings(int EveryMonths, int WarnDays)
{
    public static ReviewSettings Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var result = new ReviewSettings(f.Number("every_months", 1, 60) ?? 12, f.Number("warn_days", 0, 365) ?? 30);
        f.ReportUnknownKeys();
        return result;
    }
}

/// <summary><c>readability:</c> a reading grade above <c>target</c> (default Year 8) is a warning, above <c>limit</c> (default 12) an error.</summary>
public sealed record ReadabilitySettings(double Target, double Limit)
{
    public static ReadabilitySettings Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var target = f.Number("target", 1, 20) ?? 8;
        var limit = f.Number("limit", 1, 20) ?? Math.Max(12, target);
        if (limit < target)
        {
            f.Diagnostics.Error(DiagnosticIds.WrongType, f.LocationOf("limit"), $"'limit' ({limit}) is below 'target' ({target}).", "The limit is the highest grade allowed; make it at least the target.");
        }

        f.ReportUnknownKeys();
        return new ReadabilitySettings(target, limit);
    }
}

/// <summary>One <c>glossary:</c> entry: a term the site's pages use and explain, and its plain meaning.</summary>
public sealed record GlossaryEntry(string Term, string Meaning)
{
    public static GlossaryEntry? Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var term = f.Text("term", required: true);
        var meaning = f.Text("meaning", required: true);
        f.ReportUnknownKeys();
        return term is null || meaning is null ? null : new GlossaryEntry(term, meaning);
    }
}

/// <summary>
/// <c>images:</c> an original over <c>max_mb</c> megabytes or <c>max_pixels</c> pixels a side is a warning;
/// every photo a page shows is resized to each of <c>widths</c> it is wider than (never enlarged) and encoded in
/// each of <c>formats</c> (besides a JPEG or PNG for browsers that have neither); pictures in Markdown are shown
/// at most <c>body_width</c> CSS pixels wide (the theme's text column), so they should be twice that.
/// </summary>
public sealed record ImageSettings(int MaxMegabytes, int MaxPixels)
{
    public static readonly ImmutableArray<int> DefaultWidths = [320, 640, 960, 1280, 1600];

    /// <summary>The formats a photo can be encoded in besides its fallback, in the order browsers should try them.</summary>
    public static readonly ImmutableArray<string> KnownFormats = ["avif", "webp"];

    public ImmutableArray<int> Widths { get; init; } = DefaultWidths;

    public ImmutableArray<string> Formats { get; init; } = KnownFormats;

    public int BodyWidth { get; init; } = 672;

    public static ImageSettings Read(YamlFields f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var result = new ImageSettings(f.Number("max_mb", 1, 100) ?? 5, f.Number("max_pixels", 500, 20000) ?? 6000)
        {
            BodyWidth = f.Number("body_width", 100, 4000) ?? 672,
        };
        var widths = new List<int>();
        foreach (var width in f.List("widths"))
        {
            if (int.TryParse(width.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 16 and <= 8000)
            {
                widths.Add(w);
            }
            else
            {
                f.Diagnostics.Error(DiagnosticIds.WrongType, width.Location, $"'{width.Value}' in images: widths is not a width in pixels from 16 to 8000.", "For example: widths: [320, 640, 960, 1280, 1600]");
            }
        }

        var formats = new List<string>();
        foreach (var format in f.List("formats"))
        {
            var name = format.Value.ToLowerInvariant();
            if (KnownFormats.Contains(name))
            {
                formats.Add(name);
            }
            else
            {
                var near = Suggest.Closest(name, KnownFormats);
                f.Diagnostics.Error(DiagnosticIds.WrongType, format.Location, $"'{format.Value}' in images: formats is not a format the build encodes ({string.Join(", ", KnownFormats)}).", near is null ? "Write formats: [avif, webp]." : $"Did you mean '{near}'?");
            }
        }

        f.ReportUnknownKeys();
        return result with
        {
            Widths = widths.Count > 0 ? [.. widths.Distinct().Order()] : DefaultWidths,
            Formats = f.Has("formats") ? [.. KnownFormats.Where(formats.Contains)] : KnownFormats,
        };
    }
}

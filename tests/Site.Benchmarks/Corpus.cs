using System.Globalization;
using System.Text;

namespace Site.Benchmarks;

/// <summary>
/// A deterministic corpus of clinic articles (about 800 words each, headings, a list, links to other
/// articles and to condition pages, some with #fragments), written both in this project's input/ format
/// and as an equivalent Hugo site, so the two builds do the same amount of content work.
/// </summary>
public static class Corpus
{
    private static readonly string[] Words =
    [
        "tendon", "load", "running", "strength", "hamstring", "recovery", "training", "pain", "hip", "knee", "calf", "ankle",
        "physiotherapist", "exercise", "progress", "week", "session", "rest", "sleep", "stiffness", "morning", "hill", "speed",
        "volume", "build", "slowly", "muscle", "joint", "assessment", "plan", "goal", "return", "sport", "daily", "activity",
        "sitting", "squat", "lunge", "stretch", "balance", "control", "flexibility", "capacity", "change", "habit", "stress",
        "the", "a", "and", "to", "of", "with", "your", "you", "can", "is", "for", "in", "on", "when", "after", "before", "often",
    ];

    private static readonly string[] Headings = ["What it feels like", "Why it happens", "What makes it worse", "How we can help", "When to book"];

    public static readonly string[] Conditions =
        ["proximal-hamstring-tendinopathy", "achilles-tendinopathy", "patellofemoral-pain", "plantar-heel-pain", "gluteal-tendinopathy"];

    public static readonly string[] Authors = ["melissa", "nicole", "sam"];

    public static readonly string[] Tags = [.. Enumerable.Range(1, 20).Select(i => $"topic {i}")];

    public static string Slug(int i) => $"article-{i:D5}";

    private static readonly string[] Exercises = ["squat", "calf raise", "bridge", "lunge", "hamstring curl"];

    /// <summary>
    /// The image_alt of article <paramref name="i"/>. It names the article, so the page weight can find the
    /// article's own picture on its page by its alt text, whatever markup each tool wraps around it.
    /// </summary>
    public static string ImageAlt(int i) => $"A physiotherapist guiding a patient through a {Exercises[i % Exercises.Length]} in the clinic, for article {i}";

    /// <summary>Front matter giving article <paramref name="i"/> photo i, for the first articles while photos last.</summary>
    private static string ImageFields(int i, IReadOnlyList<string>? photos) =>
        photos is not null && i <= photos.Count ? $"image: /assets/images/{Path.GetFileName(photos[i - 1])}\nimage_alt: {ImageAlt(i)}\n" : "";

    /// <summary>Copies the photos where the site's pages address them as /assets/images/NAME.</summary>
    private static void CopyPhotos(IReadOnlyList<string>? photos, string folder)
    {
        if (photos is not { Count: > 0 })
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var photo in photos)
        {
            File.Copy(photo, Path.Combine(folder, Path.GetFileName(photo)), overwrite: true);
        }
    }

    private static string Title(int i) => $"Article {i}: {Headings[i % Headings.Length]} for {Words[i % 46]} and {Words[(i * 7) % 46]}";

    private static DateOnly Date(int i) => new DateOnly(2020, 1, 1).AddDays(i % 2000);

    /// <summary>
    /// Writes the corpus for our site into <paramref name="root"/>/input, with the repository's theme; with
    /// <paramref name="photos"/>, article i shows photo i, copied into input/assets/images/.
    /// </summary>
    public static void WriteOurs(string root, int count, string repository, IReadOnlyList<string>? photos = null)
    {
        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(Path.Combine(input, "articles"));
        Directory.CreateDirectory(Path.Combine(input, "conditions"));
        Directory.CreateDirectory(Path.Combine(input, "authors"));
        Directory.CreateDirectory(Path.Combine(input, "pages"));
        File.Copy(Path.Combine(repository, "input", "site.yml"), Path.Combine(input, "site.yml"), overwrite: true);
        // The generated bodies are strings of random words, which read at about Year 9: the reading grade is
        // still measured for every article, but against a target that random words pass.
        File.AppendAllText(Path.Combine(input, "site.yml"), "readability:\n  target: 14\n  limit: 16\n");
        File.Copy(Path.Combine(repository, "input", "pages", "medical-disclaimer.md"), Path.Combine(input, "pages", "medical-disclaimer.md"), overwrite: true);
        File.Copy(Path.Combine(repository, "input", "pages", "about.md"), Path.Combine(input, "pages", "about.md"), overwrite: true);
        File.Copy(Path.Combine(repository, "input", "pages", "privacy.md"), Path.Combine(input, "pages", "privacy.md"), overwrite: true);
        CopyFolder(Path.Combine(repository, "input", "assets"), Path.Combine(input, "assets"));
        CopyFolder(Path.Combine(repository, "input", "model"), Path.Combine(input, "model"));
        CopyFolder(Path.Combine(repository, "theme"), Path.Combine(root, "theme"));
        CopyPhotos(photos, Path.Combine(input, "assets", "images"));
        foreach (var author in Authors)
        {
            File.WriteAllText(Path.Combine(input, "authors", author + ".md"),
                $"---\nname: {char.ToUpperInvariant(author[0])}{author[1..]} Example\nrole: Physiotherapist\ncredentials: Bachelor of Physiotherapy\nregistration: PHY000000000{Array.IndexOf(Authors, author)}\n---\n\nA short bio for {author}.\n");
        }

        foreach (var condition in Conditions)
        {
            var name = char.ToUpperInvariant(condition[0]) + condition[1..].Replace('-', ' ');
            File.WriteAllText(Path.Combine(input, "conditions", condition + ".md"),
                $"---\ntitle: {name}\ndescription: What {name.ToLowerInvariant()} is, what makes it worse and how physiotherapy can help you recover.\nsymptoms: [Pain, Stiffness]\ntreatments: [Strength training, Load management]\nlast_reviewed: {Reviewed(0)}\nreviewed_by: {Authors[0]}\n---\n\n## Overview details\n\nAbout {name.ToLowerInvariant()}.\n");
        }

        Parallel.For(1, count + 1, i =>
        {
            var front = new StringBuilder()
                .Append("---\n")
                .Append("title: \"").Append(Title(i)).Append("\"\n")
                .Append("description: Practical advice number ").Append(i).Append(" about training load, recovery and when to see a physiotherapist.\n")
                .Append("date: ").Append(Date(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
                .Append("author: ").Append(Authors[i % Authors.Length]).Append('\n')
                .Append("last_reviewed: ").Append(Reviewed(i)).Append('\n')
                .Append("reviewed_by: ").Append(Authors[(i + 1) % Authors.Length]).Append('\n')
                .Append("conditions: [").Append(Conditions[i % Conditions.Length]).Append("]\n")
                .Append("tags: [\"").Append(Tags[i % Tags.Length]).Append("\", \"").Append(Tags[(i * 3) % Tags.Length]).Append("\"]\n")
                .Append(ImageFields(i, photos))
                .Append("---\n\n");
            File.WriteAllText(Path.Combine(input, "articles", Slug(i) + ".md"), front + Body(i, count));
        });
    }

    /// <summary>
    /// A clinical review date within the last ten months of the day the corpus is written, so that no review
    /// is due or overdue whenever the corpus is built (reviews are due every 12 months by default).
    /// </summary>
    private static string Reviewed(int i) => DateTime.UtcNow.Date.AddDays(-1 - (i % 300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The article's photo as our theme shows it: WebP at the widths our tool makes (320 to 1600, only those
    /// narrower than the photo), with the same sizes as our theme's picture for an article (shown at most 672
    /// CSS pixels wide, the full width below that), so both tools' pages ask phones for the same width; and a
    /// JPEG 1280 wide for browsers without WebP. Debian's hugo (0.111, extended) encodes WebP but not AVIF, so
    /// WebP is its best offer; quality is Hugo's default (75), the resampling filter its default (box).
    /// </summary>
    private const string HugoPicture = """
        {{ with .Params.image }}{{ with resources.Get (strings.TrimPrefix "/assets/" .) }}{{ $photo := . }}{{ $set := slice }}
        {{- range slice 320 640 960 1280 1600 }}{{ if lt . $photo.Width }}{{ $set = $set | append (printf "%s %dw" ($photo.Resize (printf "%dx webp" .)).RelPermalink .) }}{{ end }}{{ end }}
        {{- $fallback := $photo }}{{ if lt 1280 $photo.Width }}{{ $fallback = $photo.Resize "1280x jpg" }}{{ end -}}
        <picture><source type="image/webp" srcset="{{ delimit $set ", " }}" sizes="(min-width: 672px) 672px, 100vw">
        <img class="article__image" src="{{ $fallback.RelPermalink }}" width="{{ $fallback.Width }}" height="{{ $fallback.Height }}" alt="{{ $.Params.image_alt }}" decoding="async"></picture>
        {{- end }}{{ end }}
        """;

    /// <summary>
    /// Writes the same articles as a Hugo site with plain templates of similar structure; with
    /// <paramref name="photos"/> (even none), the article template also shows the article's photo, resized
    /// as our theme's will be, and article i shows photo i from Hugo's assets/images/.
    /// </summary>
    /// <param name="minimal">
    /// Templates with only what a plain blog needs (the article, paged lists and tag pages): no related articles,
    /// which is what makes the feature-equivalent site slow in Hugo.
    /// </param>
    /// <param name="perPage">Articles per list page: the sample site's <c>articles_per_page</c>, as our build uses.</param>
    public static void WriteHugo(string root, int count, IReadOnlyList<string>? photos = null, bool minimal = false, int perPage = 12)
    {
        Directory.CreateDirectory(Path.Combine(root, "content", "articles"));
        Directory.CreateDirectory(Path.Combine(root, "content", "conditions"));
        Directory.CreateDirectory(Path.Combine(root, "layouts", "_default"));
        File.WriteAllText(Path.Combine(root, "config.toml"), """
            baseURL = "https://www.physionorth.example/"
            languageCode = "en-AU"
            title = "Physionorth"
            disableKinds = ["RSS"]
            paginate = PER_PAGE
            [pagination]
              pagerSize = PER_PAGE
            [taxonomies]
              tag = "tags"
            [markup.goldmark.parser]
              autoHeadingID = true
            """.Replace("PER_PAGE", perPage.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "layouts", "_default", "baseof.html"), """
            <!doctype html><html lang="en-AU"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title>
            <meta name="description" content="{{ .Description }}"><link rel="canonical" href="{{ .Permalink }}"></head>
            <body><header><a href="/">{{ site.Title }}</a><nav><a href="/articles/">Articles</a> <a href="/conditions/">Conditions</a></nav></header>
            <main id="main">{{ block "main" . }}{{ end }}</main><footer><a href="/medical-disclaimer/">Medical disclaimer</a></footer></body></html>
            """);
        var single = """
            {{ define "main" }}<article><h1>{{ .Title }}</h1><p>By {{ .Params.author }} · {{ .Date.Format "2 January 2006" }} · {{ .ReadingTime }} min read</p>
            <div>{{ .Content }}</div><aside>The exercises and information on this page are general in nature.</aside>
            <p><a href="https://book.physionorth.example/">Book an appointment</a></p>
            <ul>{{ range first 3 (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></article>{{ end }}
            """;
        if (minimal)
        {
            single = single[..single.IndexOf("\n<ul>{{ range first 3", StringComparison.Ordinal)] + "</article>{{ end }}\n";
        }

        File.WriteAllText(Path.Combine(root, "layouts", "_default", "single.html"),
            photos is null ? single : single.Replace("<div>{{ .Content }}", HugoPicture + "\n<div>{{ .Content }}", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(root, "layouts", "_default", "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>
            {{ with .Paginator.Next }}<a href="{{ .URL }}">Older</a>{{ end }}{{ end }}
            """);
        foreach (var condition in Conditions)
        {
            File.WriteAllText(Path.Combine(root, "content", "conditions", condition + ".md"), $"---\ntitle: {condition}\n---\n\n## Overview details\n\nAbout it.\n");
        }

        CopyPhotos(photos, Path.Combine(root, "assets", "images"));

        Parallel.For(1, count + 1, i =>
        {
            var front = $"---\ntitle: \"{Title(i)}\"\ndescription: Practical advice number {i}.\ndate: {Date(i):yyyy-MM-dd}\nauthor: {Authors[i % Authors.Length]}\ntags: [\"{Tags[i % Tags.Length]}\", \"{Tags[(i * 3) % Tags.Length]}\"]\n{ImageFields(i, photos)}---\n\n";
            File.WriteAllText(Path.Combine(root, "content", "articles", Slug(i) + ".md"), front + Body(i, count));
        });
    }

    private static string Body(int i, int count)
    {
        var random = new Random(i);
        var text = new StringBuilder();
        var headings = 2 + (i % 2);
        var words = 0;
        for (var h = 0; h < headings; h++)
        {
            text.Append("## ").Append(Headings[(i + h) % Headings.Length]).Append("\n\n");
            for (var p = 0; p < 3; p++)
            {
                words += Paragraph(text, random, 70 + random.Next(30));
                text.Append("\n\n");
            }

            if (h == 0)
            {
                for (var item = 0; item < 4; item++)
                {
                    text.Append("- ");
                    words += Sentence(text, random, 6 + random.Next(6));
                    text.Append('\n');
                }

                text.Append('\n');
            }
        }

        // Links: two other articles (one to a heading that exists), and the article's condition.
        var other = 1 + ((i * 31) % count);
        var another = 1 + ((i * 17 + 5) % count);
        var anchor = "#" + Headings[another % Headings.Length].ToLowerInvariant().Replace(' ', '-');
        text.Append("Read more in [").Append(Title(other)).Append("](/articles/").Append(Slug(other)).Append("/), ")
            .Append("see [a related guide](/articles/").Append(Slug(another)).Append('/').Append(anchor).Append("), or our page on [this condition](/conditions/")
            .Append(Conditions[i % Conditions.Length]).Append("/).\n");
        while (words < 800)
        {
            text.Append('\n');
            words += Paragraph(text, random, 60);
            text.Append('\n');
        }

        return text.ToString();
    }

    private static int Paragraph(StringBuilder text, Random random, int length)
    {
        var written = 0;
        while (written < length)
        {
            written += Sentence(text, random, 8 + random.Next(10));
            text.Append(' ');
        }

        return written;
    }

    private static int Sentence(StringBuilder text, Random random, int length)
    {
        for (var w = 0; w < length; w++)
        {
            var word = Words[random.Next(Words.Length)];
            text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            if (w == length / 2 && random.Next(4) == 0)
            {
                text.Append(" **").Append(Words[random.Next(Words.Length)]).Append("**");
            }

            text.Append(w == length - 1 ? "." : " ");
        }

        return length;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}

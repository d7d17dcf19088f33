using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NetVips;
using Site.Engine.Diagnostics;
using Site.Web.Diagnostics;

namespace Site.Web.Tests;

/// <summary>
/// Photos: every photo a page shows becomes a &lt;picture&gt; of real resized files (checked with libvips, not
/// by their names), never enlarged; a second build encodes nothing; pages share a 1200 x 630 card; and a photo
/// too small for its layout is a warning at the line that uses it.
/// </summary>
public sealed class PictureTests
{
    /// <summary>A real JPEG: a colour gradient with grain, so it encodes like a photo; optionally stored sideways.</summary>
    internal static byte[] Photo(int width, int height, int orientation = 1)
    {
        using var x = Image.Xyz(width, height);
        using var gradient = (x[0] * (255.0 / width)).Bandjoin(x[1] * (255.0 / height), (x[0] + x[1]) * (127.0 / (width + height)));
        using var noise = Image.Gaussnoise(width, height, sigma: 12);
        using var photo = (gradient + noise.Bandjoin(noise, noise)).Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        if (orientation != 1)
        {
            using var turned = photo.Mutate(m => m.Set(GValue.GIntType, "orientation", orientation));
            return turned.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.All);
        }

        return photo.JpegsaveBuffer(q: 85);
    }

    private const string Hero = "image: /assets/images/squat.jpg\nimage_alt: A physiotherapist guiding a squat\n";

    private static string ArticleWith(string fields, string body = "") => TestSite.Article
        .Replace("tags: [running]\n", "tags: [running]\n" + fields, StringComparison.Ordinal)
        .Replace("Some text about hamstrings.", "Some text about hamstrings." + body, StringComparison.Ordinal);

    private static TestSite SiteWith(string article, params (string Name, byte[] Bytes)[] photos)
    {
        var site = new TestSite(new Dictionary<string, string?> { ["input/articles/hamstring-pain.md"] = article });
        foreach (var (name, bytes) in photos)
        {
            var file = Path.Combine(site.Root, "input", "assets", "images", name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }

        return site;
    }

    private static IHtmlDocument Page(TestSite site, string path) => new HtmlParser().ParseDocument(site.ReadOutput(path));

    /// <summary>Each candidate of a srcset, with the width it claims.</summary>
    private static List<(string Url, int Width)> Candidates(string srcset) =>
        [.. srcset.Split(',', StringSplitOptions.TrimEntries).Select(c => c.Split(' ')).Select(p => (p[0], int.Parse(p[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture)))];

    [Fact]
    public async Task An_article_photo_is_a_picture_of_real_files_in_every_width_and_format()
    {
        var article = ArticleWith(Hero, "\n\n![A calf raise on a step](/assets/images/calf-raise.jpg)");
        using var site = SiteWith(article, ("squat.jpg", Photo(2400, 1600)), ("calf-raise.jpg", Photo(1000, 750)));
        var result = await site.BuildAsync();
        Assert.Equal(0, result.Errors);

        // 1000 pixels is less than the text column needs on a phone (2 x 672): a warning, and the photo is used.
        Assert.Equal(DiagnosticIds.ImageTooSmall, Assert.Single(result.Diagnostics).Id);

        var page = Page(site, "articles/hamstring-pain/index.html");
        var pictures = page.QuerySelectorAll("picture").ToList();
        Assert.Equal(2, pictures.Count);

        // The article's photo: above the fold, the page's largest picture, so loaded first and never lazily.
        var hero = pictures[0];
        var sources = hero.QuerySelectorAll("source").ToList();
        Assert.Equal(["image/avif", "image/webp"], sources.Select(s => s.GetAttribute("type")));
        var img = (IHtmlImageElement)hero.QuerySelector("img")!;
        Assert.Equal(("1600", "1067"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("high", img.GetAttribute("fetchpriority"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("A physiotherapist guiding a squat", img.AlternativeText);

        var expected = new Dictionary<string, string> { ["image/avif"] = "heif", ["image/webp"] = "webp", ["image/jpeg"] = "jpeg" };
        foreach (var (type, srcset) in sources.Select(s => (s.GetAttribute("type")!, s.GetAttribute("srcset")!)).Append(("image/jpeg", img.GetAttribute("srcset")!)))
        {
            var candidates = Candidates(srcset);
            Assert.Equal([320, 640, 960, 1280, 1600], candidates.Select(c => c.Width));
            foreach (var (url, width) in candidates)
            {
                // The file itself, read by libvips: the format and width the markup promises, the photo's shape.
                using var file = Image.NewFromFile(Path.Combine(site.Output, url.TrimStart('/')));
                Assert.Equal(width, file.Width);
                Assert.InRange(file.Height, (width * 2 / 3) - 1, (width * 2 / 3) + 1);
                Assert.StartsWith(expected[type], (string)file.Get("vips-loader"), StringComparison.Ordinal);
            }
        }

        Assert.True(File.Exists(Path.Combine(site.Output, img.GetAttribute("src")!.TrimStart('/'))));

        // The photo in the text: lazy, at most the text column wide, and never enlarged past its 1000 pixels.
        var inText = (IHtmlImageElement)pictures[1].QuerySelector("img")!;
        Assert.Equal("lazy", inText.GetAttribute("loading"));
        Assert.Null(inText.GetAttribute("fetchpriority"));
        Assert.Equal("(min-width: 672px) 672px, 100vw", inText.GetAttribute("sizes"));
        Assert.Equal([320, 640, 960, 1000], Candidates(pictures[1].QuerySelector("source")!.GetAttribute("srcset")!).Select(c => c.Width));
        Assert.Equal("A calf raise on a step", inText.AlternativeText);

        // The alternative text is the picture's, not also a line of text beside it.
        Assert.Equal("", pictures[1].ParentElement!.TextContent.Trim());
    }

    [Fact]
    public async Task A_second_build_encodes_nothing_and_a_changed_photo_only_itself()
    {
        var article = ArticleWith(Hero, "\n\n![A calf raise on a step](/assets/images/calf-raise.jpg)");
        using var site = SiteWith(article, ("squat.jpg", Photo(1400, 1000)), ("calf-raise.jpg", Photo(700, 500)));
        var first = await site.BuildAsync();
        Assert.Equal(0, first.Errors);
        Assert.True(first.Facts.ImagesEncoded > 0);
        var files = Directory.GetFiles(Path.Combine(site.Output, "_assets", "images")).Select(Path.GetFileName).Order().ToList();

        var second = await site.BuildAsync();
        Assert.Equal(0, second.Facts.ImagesEncoded);
        Assert.Equal(first.Facts.ImagesEncoded, second.Facts.ImagesReused);
        Assert.Equal(files, Directory.GetFiles(Path.Combine(site.Output, "_assets", "images")).Select(Path.GetFileName).Order().ToList());

        // A new photo under the same name gets new addresses (browsers keep these files for a year) and only its
        // own files are made: 700 pixels wide makes 320, 640 and 700, in AVIF, WebP and JPEG, and its original
        // without metadata.
        File.WriteAllBytes(Path.Combine(site.Root, "input", "assets", "images", "calf-raise.jpg"), Photo(700, 520));
        var third = await site.BuildAsync();
        Assert.Equal(10, third.Facts.ImagesEncoded);
        var now = Directory.GetFiles(Path.Combine(site.Output, "_assets", "images")).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(now, f => files.Contains(f) && f!.StartsWith("calf-raise", StringComparison.Ordinal));
        Assert.Contains(now, f => files.Contains(f) && f!.StartsWith("squat", StringComparison.Ordinal));

        // The new files hold the new photo, not one libvips remembered under the same name.
        var largest = Path.Combine(site.Output, "_assets", "images", now.Single(f => f!.StartsWith("calf-raise-700.", StringComparison.Ordinal) && f.EndsWith(".jpg", StringComparison.Ordinal))!);
        using var file = Image.NewFromFile(largest);
        Assert.Equal((700, 520), (file.Width, file.Height));
    }

    [Fact]
    public async Task Pages_share_a_1200_by_630_card_of_their_own_photo_with_its_size_and_alt()
    {
        using var site = SiteWith(ArticleWith(Hero), ("squat.jpg", Photo(2400, 1600)));
        TestSite.AssertClean(await site.BuildAsync());
        var page = Page(site, "articles/hamstring-pain/index.html");
        string Meta(string property) => page.QuerySelector($"meta[property='{property}']")!.GetAttribute("content")!;

        var card = new Uri(Meta("og:image")).AbsolutePath;
        using (var file = Image.NewFromFile(Path.Combine(site.Output, card.TrimStart('/'))))
        {
            Assert.Equal((1200, 630), (file.Width, file.Height));
            Assert.StartsWith("jpeg", (string)file.Get("vips-loader"), StringComparison.Ordinal);
        }

        Assert.Equal(("1200", "630"), (Meta("og:image:width"), Meta("og:image:height")));
        Assert.Equal("A physiotherapist guiding a squat", Meta("og:image:alt"));

        using var data = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var posting = data.RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@type").ToString() == "BlogPosting");
        Assert.Equal("https://test.example/assets/images/squat.jpg", posting.GetProperty("image").GetString());
    }

    [Fact]
    public async Task A_phone_photo_stored_sideways_keeps_its_upright_shape()
    {
        // Phones store an upright photo as landscape pixels with EXIF orientation 6 (turn 90 degrees clockwise).
        using var site = SiteWith(ArticleWith(Hero), ("squat.jpg", Photo(2000, 1500, orientation: 6)));
        TestSite.AssertClean(await site.BuildAsync());
        var img = Page(site, "articles/hamstring-pain/index.html").QuerySelector("picture img")!;
        Assert.Equal(("1500", "2000"), (img.GetAttribute("width"), img.GetAttribute("height")));
        var largest = Candidates(img.GetAttribute("srcset")!)[^1];
        Assert.Equal(1500, largest.Width);
        using var file = Image.NewFromFile(Path.Combine(site.Output, largest.Url.TrimStart('/')));
        Assert.Equal((1500, 2000), (file.Width, file.Height));

        // The copy carries no EXIF (the original's orientation is applied, and a phone's location is dropped).
        Assert.Contains("exif-data", Image.NewFromFile(Path.Combine(site.Root, "input", "assets", "images", "squat.jpg")).GetFields());
        Assert.DoesNotContain("exif-data", file.GetFields());
    }

    [Fact]
    public async Task A_photo_too_small_for_its_layout_is_a_warning_at_the_line_that_uses_it()
    {
        var article = ArticleWith(Hero, "\n\n![A calf raise on a step](/assets/images/calf-raise.jpg)");
        using var site = SiteWith(article, ("squat.jpg", Photo(900, 600)), ("calf-raise.jpg", Photo(1400, 900)));
        var result = await site.BuildAsync();
        Assert.Equal(0, result.Errors);
        var warning = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.ImageTooSmall);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(TestSite.Position(article, "/assets/images/squat.jpg"), (warning.Location!.Line, warning.Location.Column));
        Assert.Contains("900 pixels wide", warning.Message, StringComparison.Ordinal);
        Assert.Contains("1344", warning.Message, StringComparison.Ordinal);

        // In the text the photo is shown at most 672 pixels wide (site.yml's images: body_width), so 1344 are needed.
        File.WriteAllBytes(Path.Combine(site.Root, "input", "assets", "images", "squat.jpg"), Photo(1400, 933));
        File.WriteAllBytes(Path.Combine(site.Root, "input", "assets", "images", "calf-raise.jpg"), Photo(1000, 700));
        warning = Assert.Single((await site.BuildAsync()).Diagnostics, d => d.Id == DiagnosticIds.ImageTooSmall);
        Assert.Equal(TestSite.Position(article, "![A calf raise").Line, warning.Location!.Line);
    }

    [Fact]
    public async Task Site_yml_chooses_the_widths_and_formats_and_a_misspelt_format_gets_a_suggestion()
    {
        using var site = SiteWith(ArticleWith(Hero), ("squat.jpg", Photo(1400, 1000)));
        site.Write("input/site.yml", TestSite.SiteYml + "\nimages:\n  widths: [400, 800]\n  formats: [webp]\n");
        TestSite.AssertClean(await site.BuildAsync());
        var picture = Page(site, "articles/hamstring-pain/index.html").QuerySelector("picture")!;
        var source = Assert.Single(picture.QuerySelectorAll("source"));
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal([400, 800], Candidates(source.GetAttribute("srcset")!).Select(c => c.Width));

        var yml = TestSite.SiteYml + "\nimages:\n  formats: [avfi, webp]\n";
        site.Write("input/site.yml", yml);
        var error = TestSite.SingleError(await site.BuildAsync());
        Assert.Equal(TestSite.Position(yml, "avfi"), (error.Location!.Line, error.Location.Column));
        Assert.Contains("'avif'", error.Help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_libvips_cannot_read_is_an_error_not_a_crash()
    {
        // A JPEG's first bytes and nothing after them: named right, sniffed right, but no photo in it.
        using var site = SiteWith(ArticleWith(Hero), ("squat.jpg", [0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 4, 0, 6, 0, 3, 1, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]));
        var result = await site.BuildAsync();
        var error = TestSite.SingleError(result);
        Assert.Equal(DiagnosticIds.ImageNotResized, error.Id);
        Assert.Contains("could not be resized: libvips could not read it", error.Message, StringComparison.Ordinal);
        Assert.Equal(TestSite.Position(ArticleWith(Hero), "/assets/images/squat.jpg"), (error.Location!.Line, error.Location.Column));
        Assert.Equal(0, result.FilesWritten);
    }

    [Fact]
    public async Task A_cache_folder_that_cannot_be_written_is_an_error_naming_it()
    {
        using var site = SiteWith(ArticleWith(Hero), ("squat.jpg", Photo(1400, 1000)));
        var blocked = Path.Combine(site.Root, "not-a-folder");
        File.WriteAllText(blocked, "a file where the cache's folder would go");
        var error = TestSite.SingleError(await site.BuildAsync(new BuildOptions { ImageCache = Path.Combine(blocked, "images") }));
        Assert.Equal(DiagnosticIds.ImageNotResized, error.Id);
        Assert.Contains("could not be written to", error.Message, StringComparison.Ordinal);
        Assert.Contains("not-a-folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_that_opens_the_text_of_an_item_without_its_own_photo_loads_first()
    {
        var article = TestSite.Article.Replace("Some text about hamstrings.", "![A calf raise on a step](/assets/images/calf-raise.jpg)\n\nSome text.\n\n![A squat](/assets/images/squat.jpg)", StringComparison.Ordinal);
        using var site = SiteWith(article, ("calf-raise.jpg", Photo(1400, 1000)), ("squat.jpg", Photo(1400, 1000)));
        Assert.Equal(0, (await site.BuildAsync()).Errors);
        var images = Page(site, "articles/hamstring-pain/index.html").QuerySelectorAll("picture img").ToList();
        Assert.Equal([("high", null), (null, "lazy")], images.Select(i => (i.GetAttribute("fetchpriority"), i.GetAttribute("loading"))));

        // With a photo of its own at the top of the page, every picture in the text waits.
        site.Write("input/articles/hamstring-pain.md", article.Replace("tags: [running]\n", "tags: [running]\n" + Hero, StringComparison.Ordinal));
        Assert.Equal(0, (await site.BuildAsync()).Errors);
        images = Page(site, "articles/hamstring-pain/index.html").QuerySelectorAll("picture img").ToList();
        Assert.Equal([("high", null), (null, "lazy"), (null, "lazy")], images.Select(i => (i.GetAttribute("fetchpriority"), i.GetAttribute("loading"))));
    }

    [Fact]
    public async Task The_published_original_keeps_its_pixels_and_orientation_but_not_where_it_was_taken()
    {
        // A phone photo stored sideways, with XMP naming a place and a comment naming a street, as editors write them.
        var photo = Photo(1600, 1200, orientation: 6);
        var xmp = System.Text.Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><photoshop:City>Sydney</photoshop:City></x:xmpmeta>");
        var comment = System.Text.Encoding.ASCII.GetBytes("Taken at 12 Example Street");
        byte[] Segment(byte marker, byte[] data) => [0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2), .. data];
        byte[] jpeg = [.. photo[..2], .. Segment(0xE1, xmp), .. Segment(0xFE, comment), .. photo[2..]];

        // A PNG with a text chunk naming a place.
        byte[] png;
        using (var flat = Image.Black(64, 48, bands: 3))
        {
            png = flat.PngsaveBuffer();
        }

        var text = System.Text.Encoding.ASCII.GetBytes("Location\0Sydney");
        byte[] chunk = [.. BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(text.Length)), .. "tEXt"u8.ToArray(), .. text, .. BitConverter.GetBytes(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(System.IO.Hashing.Crc32.HashToUInt32([.. "tEXt"u8.ToArray(), .. text])))];
        byte[] tagged = [.. png[..33], .. chunk, .. png[33..]];

        using var site = SiteWith(ArticleWith(Hero), ("squat.jpg", jpeg), ("map.png", tagged));
        Assert.Equal(0, (await site.BuildAsync()).Errors);

        var published = File.ReadAllBytes(Path.Combine(site.Output, "assets", "images", "squat.jpg"));
        var text8 = System.Text.Encoding.Latin1.GetString(published);
        Assert.DoesNotContain("Sydney", text8, StringComparison.Ordinal);
        Assert.DoesNotContain("Example Street", text8, StringComparison.Ordinal);
        Assert.Contains("Sydney", System.Text.Encoding.Latin1.GetString(jpeg), StringComparison.Ordinal);

        // The compressed picture is the same bytes, and it still stands upright.
        static int Scan(byte[] b) => System.Text.Encoding.Latin1.GetString(b).IndexOf("\u00FF\u00DA", StringComparison.Ordinal);
        Assert.Equal(jpeg[Scan(jpeg)..], published[Scan(published)..]);
        using (var image = Image.NewFromBuffer(published))
        {
            Assert.Equal((1600, 1200, 6), (image.Width, image.Height, (int)image.Get("orientation")));
        }

        var map = File.ReadAllBytes(Path.Combine(site.Output, "assets", "images", "map.png"));
        Assert.DoesNotContain("Sydney", System.Text.Encoding.Latin1.GetString(map), StringComparison.Ordinal);
        using var before = Image.NewFromBuffer(png);
        using var after = Image.NewFromBuffer(map);
        Assert.Equal(before.WriteToMemory<byte>(), after.WriteToMemory<byte>());
    }

    [Fact]
    public async Task The_cache_forgets_files_no_build_has_used_for_a_month()
    {
        using var site = SiteWith(ArticleWith(Hero), ("squat.jpg", Photo(700, 500)));
        Assert.Equal(0, (await site.BuildAsync()).Errors);
        var cache = Path.Combine(site.Root, ".site-cache", "images");
        var used = Directory.GetFiles(cache).Order().ToList();
        Assert.NotEmpty(used);

        // An old version of a photo, unused for two months; another, unused for a week; the files in use, untouched
        // for two months (a site whose photos did not change).
        var old = Path.Combine(cache, "squat-640.0123456789.avif");
        var recent = Path.Combine(cache, "squat-640.9876543210.avif");
        File.WriteAllBytes(old, [1]);
        File.WriteAllBytes(recent, [1]);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-60));
        File.SetLastWriteTimeUtc(recent, DateTime.UtcNow.AddDays(-7));
        foreach (var file in used)
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-60));
        }

        var rebuilt = await site.BuildAsync();
        Assert.Equal(0, rebuilt.Facts.ImagesEncoded);
        Assert.Equal(used.Append(recent).Order().ToList(), Directory.GetFiles(cache).Order().ToList());
        Assert.All(used, f => Assert.True(DateTime.UtcNow - File.GetLastWriteTimeUtc(f) < TimeSpan.FromDays(1), f));
    }

    [Fact]
    public void The_encoder_settings_in_every_file_name_name_the_libvips_that_Directory_Packages_props_pins()
    {
        // Upgrading libvips changes the bytes it writes: the names (cached by browsers for a year) must change too.
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(TestSite.RepositoryRoot, "Directory.Packages.props"));
        var version = props.Descendants("PackageVersion").Single(p => (string?)p.Attribute("Include") == "NetVips.Native.linux-x64").Attribute("Version")!.Value;
        Assert.Contains($"NetVips.Native {version};", Site.Web.Images.PicturePlan.EncoderSettings, StringComparison.Ordinal);
    }
}

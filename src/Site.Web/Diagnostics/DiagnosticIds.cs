namespace Site.Web.Diagnostics;

/// <summary>One diagnostic the site can report: its stable id, what it means and how to fix it.</summary>
public sealed record DiagnosticInfo(string Id, string Title, string Fix)
{
    /// <summary>Text that draws the diagnostic, as a marketing person might write it.</summary>
    public string? Example { get; init; }
}

/// <summary>
/// Every diagnostic id the clinic site reports, with a one-line meaning and the fix. This list is the
/// documentation: <c>site explain SITE1004</c> prints an entry, <c>site explain</c> prints them all.
/// </summary>
public static class DiagnosticIds
{
    public const string YamlSyntax = "SITE1001";
    public const string MissingFrontMatter = "SITE1002";
    public const string RequiredField = "SITE1003";
    public const string WrongType = "SITE1004";
    public const string UnknownKey = "SITE1005";
    public const string UnknownReference = "SITE1006";
    public const string DuplicateSlug = "SITE1007";
    public const string MissingAltText = "SITE1008";
    public const string DescriptionLength = "SITE1009";
    public const string InvalidFileName = "SITE1010";
    public const string SettingsMissing = "SITE1011";
    public const string ModelInvalid = "SITE1012";
    public const string SuppressionInvalid = "SITE1013";
    public const string TooLarge = "SITE1014";
    public const string InvalidEncoding = "SITE1015";
    public const string BrokenLink = "SITE2001";
    public const string BrokenFragment = "SITE2002";
    public const string DuplicateId = "SITE2003";
    public const string BadContactLink = "SITE2004";
    public const string BrokenExternalLink = "SITE2005";
    public const string UnverifiedExternalLink = "SITE2006";
    public const string DisclaimerMissing = "SITE3001";
    public const string DisclaimerMisplaced = "SITE3002";
    public const string BookingLinkMissing = "SITE3003";
    public const string DisclaimerPageMissing = "SITE3004";
    public const string TemplateSyntax = "SITE4001";
    public const string TemplateRender = "SITE4002";
    public const string TemplateMissing = "SITE4003";
    public const string TitleMissing = "SITE6001";
    public const string TitleDuplicate = "SITE6002";
    public const string DescriptionMissing = "SITE6003";
    public const string DescriptionDuplicate = "SITE6004";
    public const string GenericLinkText = "SITE6005";
    public const string ImageWithoutAlt = "SITE6006";
    public const string UnfollowableLink = "SITE6007";
    public const string CanonicalInvalid = "SITE6008";
    public const string OutputRefused = "SITE5001";
    public const string NextScheduled = "SITE5002";
    public const string AliasConflict = "SITE5003";
    public const string OutsideSources = "SITE5004";
    public const string FileAccess = "SITE5005";
    public const string UnsafeHtml = "SITE7001";
    public const string Placeholder = "SITE8001";
    public const string UnrenderedMarkdown = "SITE8002";
    public const string AdRulesInvalid = "SITE8100";
    public const string AdTestimonial = "SITE8101";
    public const string AdGuarantee = "SITE8102";
    public const string AdSafety = "SITE8103";
    public const string AdSpecialist = "SITE8104";
    public const string AdDoctorTitle = "SITE8105";
    public const string AdSuperlative = "SITE8106";
    public const string AdInducement = "SITE8107";
    public const string AdUrgency = "SITE8108";
    public const string AdEvidence = "SITE8109";
    public const string AdTimeline = "SITE8110";
    public const string ReviewMissing = "SITE8201";
    public const string ReviewerNotRegistered = "SITE8202";
    public const string ReviewDueSoon = "SITE8203";
    public const string ReviewOverdue = "SITE8204";
    public const string ReadingGradeHigh = "SITE8301";
    public const string ReadingGradeTooHigh = "SITE8302";
    public const string ImageTooLarge = "SITE9001";
    public const string ImageTooSmall = "SITE9002";
    public const string ImageWrongType = "SITE9003";
    public const string ImageFileName = "SITE9004";
    public const string ImageNotResized = "SITE9006";
    public const string UnsafeSvg = "SITE9005";

    /// <summary>
    /// The ids of findings about content that is otherwise complete: the ones the checks report. Only these may
    /// be turned down to a warning or off in site.yml, or suppressed by an item. Every other error means the
    /// output would be missing or wrong (a file that did not parse, a failed template), so it stays an error.
    /// </summary>
    public static IReadOnlySet<string> Adjustable { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MissingAltText, DescriptionLength, BrokenLink, BrokenFragment, DuplicateId, BadContactLink, BrokenExternalLink, UnverifiedExternalLink,
        DisclaimerMissing, DisclaimerMisplaced, BookingLinkMissing, TitleMissing, TitleDuplicate, DescriptionMissing, DescriptionDuplicate,
        GenericLinkText, ImageWithoutAlt, UnfollowableLink, CanonicalInvalid, UnsafeHtml, Placeholder, UnrenderedMarkdown,
        AdTestimonial, AdGuarantee, AdSafety, AdSpecialist, AdDoctorTitle, AdSuperlative, AdInducement, AdUrgency, AdEvidence, AdTimeline,
        ReviewMissing, ReviewerNotRegistered, ReviewDueSoon, ReviewOverdue, ReadingGradeHigh, ReadingGradeTooHigh,
        ImageTooLarge, ImageTooSmall, ImageWrongType, ImageFileName, UnsafeSvg,
    };

    /// <summary>The catalogue, ordered by id, including the engine's own ids.</summary>
    public static IReadOnlyList<DiagnosticInfo> All { get; } =
    [
        new("SITE0001", "A step of the build failed on one file; the other files were still built.", "Read the message; it names the file. Report it to a developer if the file looks right."),
        new("SITE0002", "A step of the build failed as a whole.", "This is a bug in the site code or theme; report it with the full message."),
        new("SITE0003", "The output folder could not be written.", "Check that the output folder is writable and not open in another program."),
        new("SITE0004", "Two documents would be written to the same web address.", "Rename one of the files (the file name is the address)."),
        new(YamlSyntax, "The front matter (the block between the two --- lines) is not valid YAML.", "Look at the line and column shown: common causes are a tab instead of spaces, a missing closing quote, or a colon inside an unquoted title (put the title in quotes)."),
        new(MissingFrontMatter, "The file does not start with a front-matter block.", "Start the file with a line '---', the fields (title: ...), and another '---' line."),
        new(RequiredField, "A field that this kind of page needs is missing or empty.", "Add the field named in the message to the front matter."),
        new(WrongType, "A field has a value of the wrong kind (for example a date that is not YYYY-MM-DD, or text where a list belongs).", "Write the value in the form the message shows."),
        new(UnknownKey, "The front matter has a field this kind of page does not use; it would otherwise be ignored silently.", "Fix the spelling (the message suggests the closest field) or remove the line."),
        new(UnknownReference, "The page names an author, reviewer, condition or page that does not exist.", "Use the file name (without .md) of an existing author or condition; the message suggests the closest one."),
        new(DuplicateSlug, "Two files would get the same web address.", "Rename one of the files."),
        new(MissingAltText, "An image has no alternative text, so screen-reader users and search engines cannot tell what it shows.", "Describe the image: ![A physiotherapist guiding a squat](/assets/images/squat.jpg), or set image_alt in the front matter."),
        new(DescriptionLength, "A description is shorter than 50 or longer than 160 characters; search engines will cut or ignore it.", "Write one or two sentences of 50 to 160 characters."),
        new(InvalidFileName, "A content file name cannot become a clean web address.", "Use lower-case letters, digits and hyphens only, for example knee-pain-in-runners.md."),
        new(SettingsMissing, "input/site.yml is missing or lacks a setting the site needs.", "Add the setting named in the message to input/site.yml."),
        new(ModelInvalid, "A content model file (input/model/KIND.yml, one per kind of content) is not valid, so the build cannot read that kind.", "Fix the model file at the line shown; 'site model' prints the model as the build understands it."),
        new(SuppressionInvalid, "A suppression in front matter gives no reason, or names an id that was not reported for that file.", "Give each suppression a reason (suppress: [{id: SITE6002, reason: \"...\"}]), and remove suppressions that no longer hide anything."),
        new(BrokenLink, "A link points to a page or file that the build does not produce.", "Fix the address; the message suggests the closest existing page."),
        new(BrokenFragment, "A link points to a heading (#part) that does not exist on the target page.", "Use one of the heading anchors of the target page; the message suggests the closest."),
        new(DuplicateId, "Two elements on one page share an id, so links to it are ambiguous.", "Rename one of the headings."),
        new(BadContactLink, "A mailto: or tel: link is malformed.", "Write mailto:name@example.com or tel:+61255501234."),
        new(BrokenExternalLink, "A link to another website answered 'not found' or 'gone', or its host does not exist (only with --check-external).", "Update the address or remove the link."),
        new(UnverifiedExternalLink, "A link to another website could not be verified: it refused automated checks (401, 403, 429, 999) or timed out.", "Open the link in a browser; if it works, nothing needs fixing."),
        new(DisclaimerMissing, "A page that must carry the medical disclaimer does not show it, or shows altered text.", "Do not edit or remove the disclaimer block; change its text only in input/site.yml."),
        new(DisclaimerMisplaced, "The disclaimer is not between the page's main text and the booking call to action.", "Keep the disclaimer partial after the body and before the call to action in the layout."),
        new(BookingLinkMissing, "A page that must offer booking has no link to the booking address.", "Keep the book-now partial in the layout, and check booking.url in input/site.yml."),
        new(DisclaimerPageMissing, "The medical disclaimer page named in site.yml does not exist.", "Add input/pages/medical-disclaimer.md or fix disclaimer.page in input/site.yml."),
        new(TemplateSyntax, "A theme template has a syntax error.", "Fix the template at the line shown."),
        new(TemplateRender, "A theme template failed while rendering a page.", "Fix the template at the line shown; the message names the page."),
        new(TemplateMissing, "A layout or partial that the site needs is missing from theme/, or an include points outside theme/.", "Restore the file named in the message."),
        new(TitleMissing, "A page has no <title>, so search results have nothing to show.", "Give the content file a title; for theme pages, keep the <title> in base.sbn."),
        new(TitleDuplicate, "Two indexable pages share a title, so search engines and readers cannot tell them apart.", "Give one of them a more specific title."),
        new(DescriptionMissing, "A page has no meta description, so search engines make up a snippet.", "Add a description to the front matter."),
        new(DescriptionDuplicate, "Two indexable pages share a description.", "Write a description that fits each page."),
        new(GenericLinkText, "A link says 'click here', 'read more' or 'here', which tells readers and search engines nothing about where it goes.", "Use words that describe the target: [our guide to hamstring pain](/conditions/...)."),
        new(ImageWithoutAlt, "An image in the generated HTML has no alt attribute.", "Add alt text to the image (alt=\"\" only for purely decorative images)."),
        new(UnfollowableLink, "A link has no address or uses javascript:, so crawlers (and keyboard users without scripts) cannot follow it.", "Give the link a real href."),
        new(CanonicalInvalid, "A page does not have exactly one absolute canonical URL on this site.", "Keep the canonical link in base.sbn and check base_url in site.yml."),
        new(OutputRefused, "The output folder is unsafe to replace (it holds sources or files a build did not write).", "Choose a separate output folder such as 'output'."),
        new(AliasConflict, "An article's old address (aliases) is still in use by a page, or is claimed by two articles.", "Remove the alias from one of the files."),
        new(OutsideSources, "A file in input/ or theme/ is a link to something outside those folders, so the build does not read it.", "Put the file itself in the folder instead of a link to it."),
        new(InvalidEncoding, "A file is not UTF-8 text: it was saved in another encoding, or holds bytes that are not characters.", "Save the file as UTF-8 in your editor; the message gives the line and column of the first bad byte."),
        new(TooLarge, "A content file is too large, or nested too deeply (lists, quotes or brackets many levels deep), to build safely.", "Split the file, or flatten the nesting at the line shown."),
        new(FileAccess, "A file or folder could not be read or written: the disk is full, a folder is read-only, or a path is not a folder.", "Fix what the message names (free space, permissions, the path) and build again; the previous site is left as it was."),
        new(Placeholder, "Text that was never meant to be published is in an item that is not a draft: a sentence 'site new' wrote (\"Write the article here.\"), a \"Replace with ...\" value, or TODO, FIXME or lorem ipsum.", "Write the real text at the line shown, or put 'draft: true' back until it is ready."),
        new(UnrenderedMarkdown, "Markdown that would show as raw text: a link or image whose address has a space ([our guide](/articles/my guide/)), or a heading without the space after its '#' (##Why).", "Rename the file or write the space as %20; write '## Why' with a space."),
        new(AdRulesInvalid, "The health-advertising rules file that site.yml names (advertising: ...) cannot be used: it is missing, extends an unknown profile, names an unknown family, or has a phrase that cannot be read.", "Fix the line shown. A phrase is plain words; 'cure*' means any word starting 'cure', 'a|b' one of two words, 'initial?' an optional word, '...' up to six words, and {number}, {name} or {word} one such word.") { Example = "families:\n  superlative:\n    match: [finest physio*]" },
        new(AdTestimonial, "A testimonial or review about treatment: a patient's quoted result, a star rating, 'highly recommend'. Section 133(1)(c) of the National Law forbids testimonials in health advertising; praise of parking or friendly staff is fine.", "Remove it, or describe the service itself: what happens at an appointment, who it suits.") { Example = "\"After three sessions my knee pain was gone!\" - Sarah" },
        new(AdGuarantee, "A promise of a cure, a guarantee or a certain result. Section 133(1)(a) and (d) of the National Law: misleading, and an unreasonable expectation of benefit.", "Say what treatment aims for and that results differ: 'helps many people manage their pain'.") { Example = "Our program is guaranteed to cure your back pain." },
        new(AdSafety, "A promise that treatment is without risk: 'risk-free', 'no side effects', 'painless'. Ahpra's advertising guidelines: misleading, as every treatment has some risk.", "Say what to expect: 'most people find it comfortable; tell us if anything hurts'.") { Example = "Dry needling is completely painless and risk-free." },
        new(AdSpecialist, "A physiotherapist called a specialist or said to specialise. There is no specialist registration for physiotherapy, so section 118 and 133 of the National Law forbid implying one. A referral ('see a specialist doctor') and college titles are fine.", "Write 'has a special interest in' or 'works mainly with'.") { Example = "Melissa is our Achilles specialist." },
        new(AdDoctorTitle, "'Dr' before the name of a practitioner who is not a medical practitioner, without the profession beside it. Ahpra's advertising guidelines: readers would take them for a medical doctor.", "Write the profession next to the name: 'Dr Sam O'Brien (Physiotherapist)', or leave the title out.") { Example = "name: Dr Sam O'Brien" },
        new(AdSuperlative, "A superlative or a comparison with other practitioners: 'best physio in town', 'leading clinic', 'world-class'. Section 133(1)(a) of the National Law and Ahpra's guidelines: it cannot be shown and misleads.", "Describe what the clinic does and for whom, without comparing: 'physiotherapy for runners in Northville'.") { Example = "The best physiotherapy clinic in Northville." },
        new(AdInducement, "A gift, discount or free service offered without its terms on the same page. Section 133(1)(b) of the National Law.", "Put the terms on the page (who is eligible, until when, what is included), or remove the offer.") { Example = "Book now for a free initial assessment!" },
        new(AdUrgency, "Urgency or fear that pushes people to book: 'don't delay', 'only 3 spots left', 'it will only get worse'. Section 133(1)(e) of the National Law: encouraging unnecessary use of health services. 'Book an appointment' is fine.", "Say when it is worth seeing someone: 'if the pain lasts more than two weeks, book an assessment'.") { Example = "Don't delay - it will only get worse!" },
        new(AdEvidence, "A claim that treatment works, backed by research, without the research: 'clinically proven', 'studies show', '90% of patients'. Section 133(1)(a) of the National Law and Ahpra's guidelines on evidence.", "Link the study in the same paragraph, or say what the evidence supports in plain words.") { Example = "Shockwave therapy is clinically proven to work." },
        new(AdTimeline, "A promised recovery time: 'back to running in two weeks', 'fixed in three sessions'. Section 133(1)(d) of the National Law: an unreasonable expectation of benefit.", "Give a typical range and say it differs: 'many runners return over 6 to 12 weeks; your plan depends on you'.") { Example = "You'll be back to running in two weeks." },
        new(ReviewMissing, "Clinical content (an article or condition page) has no clinical review: its review date or its reviewer is missing.", "Have a registered practitioner check it, then add 'last_reviewed: YYYY-MM-DD' and 'reviewed_by: ' with their id.") { Example = "an article without last_reviewed and reviewed_by" },
        new(ReviewerNotRegistered, "The reviewer of clinical content has no Ahpra registration number, so the review does not show that a registered practitioner checked it.", "Choose a registered practitioner as reviewer, or add their Ahpra number (PHY0001234567) to their file.") { Example = "reviewed_by: sam, where sam's registration is 'pending'" },
        new(ReviewDueSoon, "The clinical review of a page falls due within the warning window (30 days unless site.yml's review: warn_days says otherwise).", "Plan the review; once done, change last_reviewed to its date.") { Example = "last_reviewed: 2025-12-15, with reviews every 12 months, on 2026-11-30" },
        new(ReviewOverdue, "The clinical review of a page is overdue: its last review is older than site.yml's review: every_months (12 unless changed).", "Have a registered practitioner check the page, then change last_reviewed to the date of that review.") { Example = "last_reviewed: 2025-06-01, with reviews every 12 months, on 2026-11-30" },
        new(ReadingGradeHigh, "An article, condition or service reads above site.yml's target grade (readability: target, Year 8 unless changed; the Australian Government Style Manual aims for Year 7). The message names the three hardest sentences.", "Split long sentences and prefer everyday words; add medical names the page explains to site.yml's glossary.") { Example = "Proximal hamstring tendinopathy is characterised by localised pain at the ischial tuberosity, exacerbated by prolonged sitting and by activities involving substantial hip flexion." },
        new(ReadingGradeTooHigh, "An article, condition or service reads above site.yml's hard limit (readability: limit, Year 12 unless changed).", "Rewrite the hardest sentences the message names; most readers arrive from search on a phone.") { Example = "a body written like a journal abstract" },
        new(ImageTooLarge, "A picture's original is over site.yml's budget (images: max_mb, 5 MB, or max_pixels, 6000 pixels a side): every build that resizes it, and the editor that uploads it, is slower for no gain on screen.", "Resize it to at most 6000 pixels on its longest side and save it again.") { Example = "![Calf raise](/assets/images/calf-raise.jpg), a 9 MB 8000 x 6000 phone photo" },
        new(ImageTooSmall, "A photo is narrower than its layout needs: phones and high-density screens show a picture at two or three pixels per CSS pixel, so one shown 672 pixels wide needs a file at least 1344 pixels wide (up to the largest of site.yml's images: widths).", "Use the original photo from the camera or phone; the build makes the smaller copies itself.") { Example = "image: /assets/images/squat.jpg, a 600 x 400 thumbnail saved from a website" },
        new(ImageWrongType, "A picture file is not the kind its name says: a JPEG named .png, or an iPhone HEIC photo named .jpg, which browsers cannot show.", "Rename the file to the extension the message gives, or export the photo as JPEG.") { Example = "image: /assets/images/squat.jpg, saved from an iPhone as HEIC" },
        new(ImageFileName, "A picture's file name has spaces or capital letters, which break links easily (web addresses are case-sensitive).", "Rename it as the message suggests, in lower case with hyphens, and change the address to match.") { Example = "![Step-down](/assets/images/IMG_2043.JPG)" },
        new(ImageNotResized, "A photo could not be resized: libvips could not read it (a damaged or half-copied file), or the build could not write its copies (.site-cache/images/ or the output folder is read-only or the disk is full). The message says which.", "For a damaged photo, export it again as JPEG from a photo editor; for a folder, make it writable or free some space. Then build again.") { Example = "image: /assets/images/squat.jpg, a file cut short while it was copied" },
        new(UnsafeSvg, "An SVG in input/assets/ has a script, an event handler, an embedded page, a reference to another site or a DOCTYPE: opened in a browser, it would run or load something.", "Remove that part, or export the drawing again as plain SVG.") { Example = "<svg onload=\"alert(1)\">" },
        new(UnsafeHtml, "The Markdown contains HTML that could run code or change the page around it: a script, an event attribute such as onerror, an iframe, object, embed, style, form or a javascript: address.", "Remove it. Harmless inline HTML such as <kbd>, <sup> and <br> is fine; to embed something, ask a developer to add it to the theme."),
        new(NextScheduled, "An article is scheduled for a later date and is not published yet.", "Nothing to fix; rebuild on that date (see the README on scheduled rebuilds)."),
    ];
}

using System.Globalization;
using NetVips;

namespace Site.Benchmarks;

/// <summary>
/// Synthetic phone photos for the photo benchmark: 4000 x 3000 JPEGs at quality 90 that compress like real
/// ones, a few megabytes each. A flat or purely random picture would not do: encoders shrink flat areas to
/// nothing and cannot shrink noise at all, so resizing would look far cheaper or far dearer than on the
/// clinic's photos. So each photo is a smooth scene (colour gradients, blotches of light, a few soft-edged
/// shapes like out-of-focus objects), a fine texture like skin or fabric, and sensor grain.
/// </summary>
public static class Photos
{
    public const int Width = 4000;
    public const int Height = 3000;

    /// <summary>
    /// The scene is drawn at an eighth of the size and enlarged: enlarging is what makes it smooth, and
    /// blurring shapes at full size would take far longer.
    /// </summary>
    private const int Scale = 8;

    public static string FileName(int n) => string.Create(CultureInfo.InvariantCulture, $"photo-{n:D2}.jpg");

    /// <summary>
    /// Photos 1 to <paramref name="count"/> in <paramref name="folder"/>, made only where the file is missing:
    /// making one takes seconds, so the folder outlives each run and later runs reuse it. Each photo has its own
    /// fixed seed, so the files are the same on every machine and whichever photos were made before.
    /// </summary>
    public static IReadOnlyList<string> Ensure(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var n = 1; n <= count; n++)
        {
            var file = Path.Combine(folder, FileName(n));
            if (!File.Exists(file))
            {
                // Written under another name and moved when whole, so a run stopped halfway leaves no
                // half-written photo that a later run would take as made.
                var partial = file + ".partial";
                Make(n, partial);
                File.Move(partial, file, overwrite: true);
            }

            files.Add(file);
        }

        return files;
    }

    private static void Make(int n, string file)
    {
        var random = new Random(n);
        const int w = Width / Scale, h = Height / Scale;
        using var xyz = Image.Xyz(w, h);
        using var x = xyz[0] / (double)w;
        using var y = xyz[1] / (double)h;

        // Light falling across the scene: each channel is a plane from one corner's colour to the others'.
        var bands = new Image[3];
        for (var c = 0; c < 3; c++)
        {
            using var across = x * (random.NextDouble() * 160 - 80);
            using var down = y * (random.NextDouble() * 160 - 80);
            bands[c] = across + down + (60 + random.NextDouble() * 130);
        }

        var scene = bands[0].Bandjoin(bands[1], bands[2]);
        foreach (var band in bands)
        {
            band.Dispose();
        }

        // Uneven light and colour, like a room's shadows or foliage, a few hundred pixels across.
        using (var blotches = Image.Perlin(w, h, cellSize: 48, seed: n) * 28.0)
        {
            scene = Replace(scene, scene + blotches);
        }

        // Out-of-focus objects: ellipses of their own colour with soft edges, partly see-through.
        var shapes = 3 + random.Next(4);
        for (var s = 0; s < shapes; s++)
        {
            var (cx, cy) = (random.NextDouble(), random.NextDouble());
            var (rx, ry) = (0.05 + random.NextDouble() * 0.25, 0.05 + random.NextDouble() * 0.25);
            double[] colour = [random.Next(256), random.Next(256), random.Next(256)];
            var opacity = 0.5 + random.NextDouble() * 0.5;
            using var dx = (x - cx) / rx;
            using var dy = (y - cy) / ry;
            using var distance = dx * dx + dy * dy;
            using var inside = distance < 1.0;
            using var soft = inside.Gaussblur(1 + random.NextDouble() * 6);
            using var mask = soft * (opacity / 255);
            using var keep = 1.0 - mask;
            using var kept = scene * keep;
            using var painted = mask * colour;
            scene = Replace(scene, kept + painted);
        }

        scene = Replace(scene, scene.Resize(Scale, kernel: Enums.Kernel.Cubic));

        // Detail at the scales a resized copy keeps (tens of pixels, like folds, leaves or hair) and at the
        // scales it loses (a few pixels, like skin or fabric), and grain; the same in every channel, as a
        // camera's luminance noise mostly is, plus a little colour noise.
        using (var coarse = Image.Perlin(Width, Height, cellSize: 40, seed: 1000 + n) * 36.0)
        using (var medium = Image.Perlin(Width, Height, cellSize: 14, seed: 1200 + n) * 24.0)
        using (var fine = Image.Perlin(Width, Height, cellSize: 4, seed: 1500 + n) * 8.0)
        using (var grain = Image.Gaussnoise(Width, Height, sigma: 3.5, mean: 0, seed: 2000 + n))
        using (var detail = coarse + medium + fine + grain)
        {
            scene = Replace(scene, scene + detail);
        }

        using (var red = Image.Gaussnoise(Width, Height, sigma: 1.5, mean: 0, seed: 3000 + n))
        using (var green = Image.Gaussnoise(Width, Height, sigma: 1.5, mean: 0, seed: 4000 + n))
        using (var blue = Image.Gaussnoise(Width, Height, sigma: 1.5, mean: 0, seed: 5000 + n))
        using (var chroma = red.Bandjoin(green, blue))
        {
            scene = Replace(scene, scene + chroma);
        }

        using var photo = scene.Cast(Enums.BandFormat.Uchar).Copy(interpretation: Enums.Interpretation.Srgb);
        scene.Dispose();

        // Phones save JPEGs with halved colour resolution (4:2:0); libvips would keep it whole at quality 90.
        photo.Jpegsave(file, q: 90, subsampleMode: Enums.ForeignSubsample.On, keep: Enums.ForeignKeep.None);
    }

    /// <summary>Swaps a pipeline's image for the next step's, releasing the old reference.</summary>
    private static Image Replace(Image old, Image next)
    {
        old.Dispose();
        return next;
    }
}

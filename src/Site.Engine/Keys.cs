namespace Site.Engine;

/// <summary>
/// A typed name for one metadata value of a document, so a module that reads a value gets the type the
/// module that wrote it used, and a misspelt key is a compile error instead of a silent miss.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="Name">The name under which the value is stored.</param>
public sealed record MetadataKey<T>(string Name);

/// <summary>
/// A typed name for one value shared across a build through <see cref="Pipelines.BuildContext"/> (the site
/// index, say): published once by the module that makes it, read by modules of pipelines that depend on it.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="Name">The name used in messages.</param>
public sealed record BuildKey<T>(string Name)
    where T : class;

namespace NeuroLake.Engine.Catalog.Model;

/// <summary>Who said a column holds personal data.</summary>
public enum PiiSource
{
    /// <summary>Found by profiling; not yet reviewed.</summary>
    Detected = 0,

    /// <summary>A detection a person reviewed and accepted.</summary>
    Confirmed = 1,

    /// <summary>Set by a person without a detection.</summary>
    Manual = 2,
}

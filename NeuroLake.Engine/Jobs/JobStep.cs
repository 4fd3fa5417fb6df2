namespace NeuroLake.Engine.Jobs;

/// <summary>A job body's report of how far it is: a fraction of the whole (0–1) and what it is doing, in words.</summary>
public sealed record JobStep(double Fraction, string Step);

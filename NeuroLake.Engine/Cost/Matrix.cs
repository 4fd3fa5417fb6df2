namespace NeuroLake.Engine.Cost;

/// <summary>The little linear algebra the forecast needs: small dense matrices, Gauss–Jordan inversion.</summary>
internal static class Matrix
{
    /// <summary>The inverse of a square matrix, by Gauss–Jordan elimination with partial pivoting.</summary>
    /// <exception cref="CostException">The matrix is singular (the series cannot tell its parameters apart).</exception>
    public static double[,] Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }

        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot, column]) < 1e-12)
            {
                throw new CostException("The series cannot be fitted (its days do not separate trend from weekday effects): measure more days.");
            }

            Swap(a, pivot, column);
            Swap(inverse, pivot, column);
            var scale = a[column, column];
            for (var k = 0; k < n; k++)
            {
                a[column, k] /= scale;
                inverse[column, k] /= scale;
            }

            for (var row = 0; row < n; row++)
            {
                if (row != column && a[row, column] != 0)
                {
                    var factor = a[row, column];
                    for (var k = 0; k < n; k++)
                    {
                        a[row, k] -= factor * a[column, k];
                        inverse[row, k] -= factor * inverse[column, k];
                    }
                }
            }
        }

        return inverse;
    }

    public static double[] Multiply(double[,] matrix, double[] vector)
    {
        var result = new double[matrix.GetLength(0)];
        for (var i = 0; i < result.Length; i++)
        {
            for (var j = 0; j < vector.Length; j++)
            {
                result[i] += matrix[i, j] * vector[j];
            }
        }

        return result;
    }

    public static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Swap(double[,] m, int first, int second)
    {
        if (first == second)
        {
            return;
        }

        for (var k = 0; k < m.GetLength(1); k++)
        {
            (m[first, k], m[second, k]) = (m[second, k], m[first, k]);
        }
    }
}

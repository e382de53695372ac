package io.github.wasmaot.loader;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code %.7g} formatting and strtof/strtod parsing (glibc behaviour), as iwasm uses them. */
final class CFloats {
    private static final int PRECISION = 7;

    private CFloats() {
    }

    static float strtof(String s) {
        String t = s.trim().toLowerCase();
        Float special = special(t) == null ? null : special(t).floatValue();
        return special != null ? special : Float.parseFloat(hexFix(t));
    }

    static double strtod(String s) {
        String t = s.trim().toLowerCase();
        Double special = special(t);
        return special != null ? special : Double.parseDouble(hexFix(t));
    }

    private static Double special(String t) {
        boolean neg = t.startsWith("-");
        String u = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (u.equals("inf") || u.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (u.equals("nan")) {
            return Double.NaN;
        }
        return null;
    }

    /** Java needs a binary exponent in hex floats; C does not. */
    private static String hexFix(String t) {
        return t.contains("0x") && !t.contains("p") ? t + "p0" : t;
    }

    /** {@code printf("%.7g", v)}. */
    static String formatG7(double v) {
        if (Double.isNaN(v)) {
            return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "nan";
        }
        if (Double.isInfinite(v)) {
            return v < 0 ? "-inf" : "inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(PRECISION, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= PRECISION) {
            BigDecimal mantissa = rounded.movePointLeft(exponent);
            String m = stripZeros(mantissa.setScale(PRECISION - 1, RoundingMode.UNNECESSARY).toPlainString());
            String e = String.format("%02d", Math.abs(exponent));
            return m + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        return stripZeros(rounded.setScale(Math.max(0, PRECISION - 1 - exponent), RoundingMode.UNNECESSARY)
                .toPlainString());
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}

package com.google.re2j;

import dev.logredact.rules.Rule;

import java.util.Random;

/** Random texts shaped like what a rule looks for: a keyword, maybe an operator, a token of a common alphabet. */
final class RuleTexts {
    static final String[] SEPARATORS = {"=", " = ", ": ", ":=", "=>", "\":\"", "='", " ", "_", "-", ",", "\t"};
    static final int[] COMMON_LENGTHS = {16, 20, 24, 32, 36, 40, 43, 44, 48, 64};
    static final String[] CHARSETS = {
        "abcdefghijklmnopqrstuvwxyz0123456789",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
        "0123456789abcdef",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
    };

    private RuleTexts() {
    }

    static String candidate(Random random, Rule rule) {
        StringBuilder sb = new StringBuilder();
        if (random.nextBoolean()) {
            sb.append(randomToken(random, CHARSETS[0], random.nextInt(12))).append(' ');
        }
        if (!rule.keywords().isEmpty()) {
            String keyword = rule.keywords().get(random.nextInt(rule.keywords().size()));
            sb.append(random.nextBoolean() ? keyword : keyword.toUpperCase());
        }
        // Unique-token rules continue right after their prefix keyword; semi-generic ones need an operator.
        if (random.nextInt(3) > 0) {
            if (random.nextInt(3) == 0) {
                sb.append(randomToken(random, CHARSETS[random.nextInt(CHARSETS.length)], random.nextInt(6)));
            }
            sb.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            if (random.nextBoolean()) {
                sb.append(random.nextBoolean() ? '"' : '\'');
            }
        }
        int length = random.nextBoolean() ? COMMON_LENGTHS[random.nextInt(COMMON_LENGTHS.length)] : 8 + random.nextInt(90);
        sb.append(randomToken(random, CHARSETS[random.nextInt(CHARSETS.length)], length));
        switch (random.nextInt(4)) {
            case 0:
                sb.append('"');
                break;
            case 1:
                sb.append(" tail");
                break;
            default:
                break;
        }
        return sb.toString();
    }

    static String randomToken(Random random, String charset, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(charset.charAt(random.nextInt(charset.length())));
        }
        return sb.toString();
    }

}

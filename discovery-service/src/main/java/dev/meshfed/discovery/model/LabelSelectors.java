package dev.meshfed.discovery.model;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kubernetes label selectors as written for {@code kubectl -l} and the API's {@code labelSelector}
 * parameter ({@code env in (prod,staging),!legacy,tier=web}), parsed into fabric8's {@link
 * LabelSelector} model (each requirement a match expression), and matched against labels. fabric8
 * sends selector strings to the API server as they are and has no parser of its own.
 *
 * <p>The grammar is apimachinery's: requirements separated by commas, each one of {@code key},
 * {@code !key}, {@code key=value}, {@code key==value}, {@code key!=value} (an empty value allowed),
 * {@code key in (v1,v2)} and {@code key notin (v1,v2)}. Keys and values are validated as label keys
 * and values. Stricter than apimachinery: the numeric {@code key>n} and {@code key<n} (not
 * supported for labels of a LabelSelector) and empty items inside parentheses are rejected.
 */
public final class LabelSelectors {

  public static final String IN = "In";
  public static final String NOT_IN = "NotIn";
  public static final String EXISTS = "Exists";
  public static final String DOES_NOT_EXIST = "DoesNotExist";

  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final int MAX_NAME = 63;
  private static final int MAX_PREFIX = 253;

  private LabelSelectors() {}

  /**
   * @return a selector with one match expression per requirement; none for a blank expression,
   *     which selects everything
   * @throws IllegalArgumentException naming the position and what was expected
   */
  public static LabelSelector parse(String expression) {
    Objects.requireNonNull(expression, "expression");
    return new Parser(expression).selector();
  }

  /** Whether labels satisfy every requirement (match labels and match expressions) of selector. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> matchLabels =
        Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
    for (var entry : matchLabels.entrySet()) {
      if (!Objects.equals(entry.getValue(), labels.get(entry.getKey()))) {
        return false;
      }
    }
    List<LabelSelectorRequirement> expressions =
        Objects.requireNonNullElse(selector.getMatchExpressions(), List.of());
    return expressions.stream().allMatch(requirement -> matches(requirement, labels));
  }

  /** An operator it does not know matches nothing (the API server would reject it). */
  private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
    String key = requirement.getKey();
    List<String> values = Objects.requireNonNullElse(requirement.getValues(), List.of());
    boolean present = labels.containsKey(key);
    return switch (Objects.requireNonNullElse(requirement.getOperator(), "")) {
      case IN -> present && values.contains(labels.get(key));
      case NOT_IN -> !present || !values.contains(labels.get(key));
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      default -> false;
    };
  }

  private enum Type {
    IDENTIFIER,
    NOT,
    EQUALS,
    NOT_EQUALS,
    COMMA,
    OPEN,
    CLOSE,
    IN,
    NOT_IN,
    COMPARISON,
    END
  }

  private record Token(Type type, String text, int position) {
    String describe() {
      return type == Type.END ? "the end" : "'" + text + "'";
    }
  }

  /** A recursive descent over the tokens of one expression. */
  private static final class Parser {

    private final String expression;
    private final List<Token> tokens;
    private int next;

    Parser(String expression) {
      this.expression = expression;
      this.tokens = tokens(expression);
    }

    LabelSelector selector() {
      List<LabelSelectorRequirement> requirements = new ArrayList<>();
      if (peek().type() == Type.END) {
        return new LabelSelector(requirements, Map.of());
      }
      requirements.add(requirement());
      while (peek().type() != Type.END) {
        expect(Type.COMMA, "',' or the end");
        requirements.add(requirement());
      }
      return new LabelSelector(requirements, Map.of());
    }

    private LabelSelectorRequirement requirement() {
      if (peek().type() == Type.NOT) {
        consume();
        String key = key(expect(Type.IDENTIFIER, "a label key after '!'"));
        return new LabelSelectorRequirement(key, DOES_NOT_EXIST, List.of());
      }
      String key = key(expect(Type.IDENTIFIER, "a label key"));
      Token operator = peek();
      return switch (operator.type()) {
        case END, COMMA -> new LabelSelectorRequirement(key, EXISTS, List.of());
        case EQUALS -> exact(key, IN);
        case NOT_EQUALS -> exact(key, NOT_IN);
        case IN -> set(key, IN);
        case NOT_IN -> set(key, NOT_IN);
        case COMPARISON ->
            throw invalid(
                operator,
                "'"
                    + operator.text()
                    + "' is not supported for labels (only =, ==, !=, in, notin, key and !key)");
        default -> throw error(operator, "'=', '==', '!=', 'in', 'notin', ',' or the end");
      };
    }

    /** key=value, key==value, key!=value; the value may be empty. */
    private LabelSelectorRequirement exact(String key, String operator) {
      consume();
      Token value = peek();
      String text = "";
      if (isWord(value)) {
        text = value(consume());
      } else if (value.type() != Type.END && value.type() != Type.COMMA) {
        throw error(value, "a label value");
      }
      return new LabelSelectorRequirement(key, operator, List.of(text));
    }

    /** key in (a,b), key notin (a,b). */
    private LabelSelectorRequirement set(String key, String operator) {
      consume();
      expect(Type.OPEN, "'('");
      Set<String> values = new LinkedHashSet<>();
      values.add(value(expectValue()));
      while (peek().type() == Type.COMMA) {
        consume();
        values.add(value(expectValue()));
      }
      expect(Type.CLOSE, "',' or ')'");
      return new LabelSelectorRequirement(key, operator, List.copyOf(values));
    }

    private String key(Token token) {
      String key = token.text();
      int slash = key.indexOf('/');
      String name = slash < 0 ? key : key.substring(slash + 1);
      if (slash >= 0) {
        String prefix = key.substring(0, slash);
        if (prefix.isEmpty()
            || prefix.length() > MAX_PREFIX
            || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
          throw error(token, "a label key whose prefix is a DNS subdomain");
        }
      }
      if (name.length() > MAX_NAME || !NAME.matcher(name).matches()) {
        throw error(
            token,
            "a label key: at most 63 letters, digits, '-', '_' or '.', starting and ending with a"
                + " letter or digit, optionally after a DNS subdomain and '/'");
      }
      return key;
    }

    private String value(Token token) {
      String value = token.text();
      if (value.length() > MAX_NAME || !NAME.matcher(value).matches()) {
        throw error(
            token,
            "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with"
                + " a letter or digit");
      }
      return value;
    }

    /** As apimachinery's lexer: in and notin are words like any other where a value goes. */
    private static boolean isWord(Token token) {
      return token.type() == Type.IDENTIFIER
          || token.type() == Type.IN
          || token.type() == Type.NOT_IN;
    }

    private Token expectValue() {
      Token token = peek();
      if (!isWord(token)) {
        throw error(token, "a label value");
      }
      return consume();
    }

    private Token peek() {
      return tokens.get(next);
    }

    private Token consume() {
      Token token = tokens.get(next);
      if (token.type() != Type.END) {
        next++;
      }
      return token;
    }

    private Token expect(Type type, String expected) {
      Token token = peek();
      if (token.type() != type) {
        throw error(token, expected);
      }
      return consume();
    }

    private IllegalArgumentException error(Token found, String expected) {
      return invalid(found, "found " + found.describe() + ", expected " + expected);
    }

    private IllegalArgumentException invalid(Token at, String message) {
      return new IllegalArgumentException(
          "Invalid label selector '"
              + expression
              + "' at position "
              + (at.position() + 1)
              + ": "
              + message);
    }

    private static List<Token> tokens(String expression) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      while (i < expression.length()) {
        char c = expression.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '!' && at(expression, i + 1, '=')) {
          tokens.add(new Token(Type.NOT_EQUALS, "!=", i));
          i += 2;
        } else if (c == '=' && at(expression, i + 1, '=')) {
          tokens.add(new Token(Type.EQUALS, "==", i));
          i += 2;
        } else if (isSpecial(c)) {
          tokens.add(new Token(special(c), String.valueOf(c), i));
          i++;
        } else {
          int start = i;
          while (i < expression.length()
              && !Character.isWhitespace(expression.charAt(i))
              && !isSpecial(expression.charAt(i))) {
            i++;
          }
          String word = expression.substring(start, i);
          Type type =
              switch (word) {
                case "in" -> Type.IN;
                case "notin" -> Type.NOT_IN;
                default -> Type.IDENTIFIER;
              };
          tokens.add(new Token(type, word, start));
        }
      }
      tokens.add(new Token(Type.END, "", expression.length()));
      return tokens;
    }

    private static boolean at(String expression, int index, char c) {
      return index < expression.length() && expression.charAt(index) == c;
    }

    private static boolean isSpecial(char c) {
      return "!=,()<>".indexOf(c) >= 0;
    }

    private static Type special(char c) {
      return switch (c) {
        case '!' -> Type.NOT;
        case '=' -> Type.EQUALS;
        case ',' -> Type.COMMA;
        case '(' -> Type.OPEN;
        case ')' -> Type.CLOSE;
        default -> Type.COMPARISON;
      };
    }
  }
}

package dev.meshfed.translation.translate;

import java.util.regex.Pattern;

/**
 * IP addresses and CIDR blocks as Istio's ServiceEntry validation reads them (ValidateIPSubnet: an
 * IPv4 or IPv6 literal, optionally with a prefix length up to 32 or 128), parsed without java.net,
 * which may resolve names.
 */
final class IpAddresses {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
  private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

  private IpAddresses() {}

  static boolean isIp(String value) {
    return value != null && (isIpv4(value) || isIpv6(value));
  }

  /** An IP, or an IP with a prefix length: {@code 10.0.0.0/24}, {@code 2001:db8::/32}. */
  static boolean isIpOrCidr(String value) {
    if (value == null) {
      return false;
    }
    int slash = value.indexOf('/');
    if (slash < 0) {
      return isIp(value);
    }
    String ip = value.substring(0, slash);
    String bits = value.substring(slash + 1);
    if (!isIp(ip) || !bits.matches("\\d{1,3}")) {
      return false;
    }
    return Integer.parseInt(bits) <= (ip.contains(":") ? 128 : 32);
  }

  /** A CIDR block, even of one address: Istio allows it only with resolution NONE or STATIC. */
  static boolean isCidr(String value) {
    return value.contains("/");
  }

  private static boolean isIpv4(String value) {
    if (!IPV4.matcher(value).matches()) {
      return false;
    }
    for (String octet : value.split("\\.")) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String value) {
    if (!value.contains(":")) {
      return false;
    }
    String text = value;
    int groups = 0;
    int lastColon = text.lastIndexOf(':');
    String tail = text.substring(lastColon + 1);
    if (tail.contains(".")) {
      if (!isIpv4(tail)) {
        return false;
      }
      text = text.substring(0, lastColon + 1) + "0:0";
    }
    int compressed = text.indexOf("::");
    if (compressed >= 0 && text.indexOf("::", compressed + 1) >= 0) {
      return false;
    }
    String[] halves =
        compressed >= 0
            ? new String[] {text.substring(0, compressed), text.substring(compressed + 2)}
            : new String[] {text};
    for (String half : halves) {
      if (half.isEmpty()) {
        continue;
      }
      for (String group : half.split(":", -1)) {
        if (!HEX_GROUP.matcher(group).matches()) {
          return false;
        }
        groups++;
      }
    }
    return compressed >= 0 ? groups <= 7 : groups == 8;
  }
}

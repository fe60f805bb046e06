package dev.meshfed.distribution.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConditionTimesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EARLIER = "2026-12-04T19:20:00Z";
  private static final String NOW = "2026-12-05T08:00:00Z";

  @Test
  void aConditionTheObjectDoesNotHaveYetChangesNow() {
    JsonNode stamped =
        ConditionTimes.stamped(
            json("{'conditions':[{'type':'Valid','status':'True','reason':'Exported'}]}"),
            null,
            NOW);

    assertThat(stamped)
        .isEqualTo(
            json(
                "{'conditions':[{'type':'Valid','status':'True','reason':'Exported',"
                    + "'lastTransitionTime':'"
                    + NOW
                    + "'}]}"));
  }

  @Test
  void aConditionWhoseStatusStaysKeepsItsTimeWhateverElseChanges() {
    JsonNode live =
        json(
            "{'conditions':[{'type':'Valid','status':'True','reason':'Exported','message':'old',"
                + "'lastTransitionTime':'"
                + EARLIER
                + "'}]}");

    JsonNode stamped =
        ConditionTimes.stamped(
            json(
                "{'conditions':[{'type':'Valid','status':'True','reason':'Exported',"
                    + "'message':'new','observedGeneration':3}]}"),
            live,
            NOW);

    assertThat(stamped.at("/conditions/0/lastTransitionTime").asText()).isEqualTo(EARLIER);
    assertThat(stamped.at("/conditions/0/message").asText()).isEqualTo("new");
    assertThat(stamped.at("/conditions/0/observedGeneration").asInt()).isEqualTo(3);
  }

  @Test
  void aConditionWhoseStatusChangedChangesNowAndTheOthersKeepTheirs() {
    JsonNode live =
        json(
            "{'conditions':["
                + "{'type':'Valid','status':'True','lastTransitionTime':'"
                + EARLIER
                + "'},"
                + "{'type':'Conflict','status':'False','lastTransitionTime':'"
                + EARLIER
                + "'}]}");

    JsonNode stamped =
        ConditionTimes.stamped(
            json(
                "{'conditions':[{'type':'Conflict','status':'True'},"
                    + "{'type':'Valid','status':'True'},{'type':'Ready','status':'True'}]}"),
            live,
            NOW);

    assertThat(stamped.path("conditions"))
        .extracting(c -> c.path("type").asText() + "@" + c.path("lastTransitionTime").asText())
        .containsExactly("Conflict@" + NOW, "Valid@" + EARLIER, "Ready@" + NOW);
  }

  @Test
  void aLiveConditionWithoutATimeGetsOneNow() {
    JsonNode stamped =
        ConditionTimes.stamped(
            json("{'conditions':[{'type':'Valid','status':'True'}]}"),
            json("{'conditions':[{'type':'Valid','status':'True'}]}"),
            NOW);

    assertThat(stamped.at("/conditions/0/lastTransitionTime").asText()).isEqualTo(NOW);
  }

  @Test
  void leavesTheGivenStatusAndAStatusWithoutConditionsAlone() {
    JsonNode status = json("{'conditions':[{'type':'Valid','status':'True'}]}");
    ConditionTimes.stamped(status, null, NOW);
    assertThat(status.at("/conditions/0").has("lastTransitionTime")).isFalse();

    assertThat(ConditionTimes.stamped(json("{'state':'ACCEPTED'}"), status, NOW))
        .isEqualTo(json("{'state':'ACCEPTED'}"));
  }

  private static JsonNode json(String singleQuoted) {
    try {
      return JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}

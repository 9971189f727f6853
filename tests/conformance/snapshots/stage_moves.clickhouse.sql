SELECT
  "t6"."unit" AS "unit",
  "t6"."_source" AS "source",
  "t6"."label" AS "target",
  CASE
    WHEN (
      "t6"."position" - "t6"."_from"
    ) = 1
    THEN 'forward'
    WHEN (
      "t6"."position" - "t6"."_from"
    ) > 1
    THEN 'skip'
    ELSE 'backward'
  END AS "kind",
  CASE
    WHEN (
      "t6"."position" - "t6"."_from"
    ) > 1
    THEN (
      "t6"."position" - "t6"."_from"
    ) - 1
    ELSE 0
  END AS "skipped",
  "t6"."_first" < "t6"."_index" AS "revisit"
FROM (
  SELECT
    "t5"."unit" AS "unit",
    "t5"."person" AS "person",
    "t5"."ts" AS "ts",
    "t5"."seq" AS "seq",
    "t5"."label" AS "label",
    "t5"."event" AS "event",
    "t5"."channel" AS "channel",
    "t5"."value" AS "value",
    "t5"."properties" AS "properties",
    "t5"."position" AS "position",
    "t5"."_index" AS "_index",
    "t5"."_source" AS "_source",
    "t5"."_from" AS "_from",
    MIN("t5"."_index") OVER (
      PARTITION BY "t5"."unit", "t5"."label"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "_first"
  FROM (
    SELECT
      "t4"."unit" AS "unit",
      "t4"."person" AS "person",
      "t4"."ts" AS "ts",
      "t4"."seq" AS "seq",
      "t4"."label" AS "label",
      "t4"."event" AS "event",
      "t4"."channel" AS "channel",
      "t4"."value" AS "value",
      "t4"."properties" AS "properties",
      "t4"."position" AS "position",
      ROW_NUMBER() OVER (
        PARTITION BY "t4"."unit"
        ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1 AS "_index",
      lagInFrame("t4"."label") OVER (
        PARTITION BY "t4"."unit"
        ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS "_source",
      lagInFrame("t4"."position") OVER (
        PARTITION BY "t4"."unit"
        ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) AS "_from"
    FROM (
      SELECT
        "t3".*
        EXCEPT ("_previous")
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t1"."unit" AS "unit",
            "t1"."person" AS "person",
            "t1"."ts" AS "ts",
            "t1"."seq" AS "seq",
            "t1"."label" AS "label",
            "t1"."event" AS "event",
            "t1"."channel" AS "channel",
            "t1"."value" AS "value",
            "t1"."properties" AS "properties",
            "t1"."position" AS "position",
            lagInFrame("t1"."label") OVER (
              PARTITION BY "t1"."unit"
              ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."label" ASC
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
            ) AS "_previous"
          FROM (
            SELECT
              "t0"."unit" AS "unit",
              "t0"."person" AS "person",
              "t0"."ts" AS "ts",
              "t0"."seq" AS "seq",
              "t0"."label" AS "label",
              "t0"."event" AS "event",
              "t0"."channel" AS "channel",
              "t0"."value" AS "value",
              "t0"."properties" AS "properties",
              CASE
                WHEN "t0"."label" = 'awareness'
                THEN 1
                WHEN "t0"."label" = 'consideration'
                THEN 2
                WHEN "t0"."label" = 'decision'
                THEN 3
                WHEN "t0"."label" = 'purchase'
                THEN 4
                ELSE NULL
              END AS "position"
            FROM "journey_events" AS "t0"
            WHERE
              "t0"."label" IN ('awareness', 'consideration', 'decision', 'purchase')
          ) AS "t1"
        ) AS "t2"
        WHERE
          isNull("t2"."_previous") OR (
            "t2"."_previous" <> "t2"."label"
          )
      ) AS "t3"
    ) AS "t4"
  ) AS "t5"
) AS "t6"
WHERE
  isNotNull("t6"."_source")

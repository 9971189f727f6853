WITH "t5" AS (
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
)
SELECT
  "t13"."unit" AS "unit",
  "t13"."_source" AS "source",
  "t13"."label" AS "target",
  CASE
    WHEN (
      "t13"."position" - "t13"."_from"
    ) = 1
    THEN 'forward'
    WHEN (
      "t13"."position" - "t13"."_from"
    ) > 1
    THEN 'skip'
    ELSE 'backward'
  END AS "kind",
  CASE
    WHEN (
      "t13"."position" - "t13"."_from"
    ) > 1
    THEN (
      "t13"."position" - "t13"."_from"
    ) - 1
    ELSE 0
  END AS "skipped",
  "t13"."_first" < "t13"."_index" AS "revisit"
FROM (
  SELECT
    "t12".*
    EXCEPT ("_f_label", "_f_unit")
  FROM (
    SELECT
      "t9"."unit" AS "unit",
      "t9"."person" AS "person",
      "t9"."ts" AS "ts",
      "t9"."seq" AS "seq",
      "t9"."label" AS "label",
      "t9"."event" AS "event",
      "t9"."channel" AS "channel",
      "t9"."value" AS "value",
      "t9"."properties" AS "properties",
      "t9"."position" AS "position",
      "t9"."_index" AS "_index",
      "t9"."_source" AS "_source",
      "t9"."_from" AS "_from",
      "t11"."_f_unit" AS "_f_unit",
      "t11"."_f_label" AS "_f_label",
      "t11"."_first" AS "_first"
    FROM (
      SELECT
        *
      FROM "t5" AS "t6"
      WHERE
        isNotNull("t6"."_source")
    ) AS "t9"
    INNER JOIN (
      SELECT
        "t7"."unit" AS "_f_unit",
        "t7"."label" AS "_f_label",
        "t7"."_first" AS "_first"
      FROM (
        SELECT
          "t6"."unit" AS "unit",
          "t6"."label" AS "label",
          MIN("t6"."_index") AS "_first"
        FROM "t5" AS "t6"
        GROUP BY
          "t6"."unit",
          "t6"."label"
      ) AS "t7"
    ) AS "t11"
      ON "t9"."unit" = "t11"."_f_unit" AND "t9"."label" = "t11"."_f_label"
  ) AS "t12"
) AS "t13"

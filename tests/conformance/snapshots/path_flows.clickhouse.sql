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
    (
      ROW_NUMBER() OVER (
        PARTITION BY "t4"."unit"
        ORDER BY "t4"."ts" ASC, "t4"."seq" ASC, "t4"."label" ASC
        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
      ) - 1
    ) + 1 AS "position"
  FROM (
    SELECT
      "t3".*
      EXCEPT ("_index", "_label", "_previous")
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
          "t1"."_label" AS "_label",
          ROW_NUMBER() OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."_label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1 AS "_index",
          lagInFrame("t1"."_label") OVER (
            PARTITION BY "t1"."unit"
            ORDER BY "t1"."ts" ASC, "t1"."seq" ASC, "t1"."_label" ASC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) AS "_previous"
        FROM (
          SELECT
            "t0"."unit" AS "unit",
            "t0"."person" AS "person",
            "t0"."ts" AS "ts",
            "t0"."seq" AS "seq",
            COALESCE("t0"."label", '(unmapped)') AS "label",
            "t0"."event" AS "event",
            "t0"."channel" AS "channel",
            "t0"."value" AS "value",
            "t0"."properties" AS "properties",
            COALESCE(COALESCE("t0"."label", '(unmapped)'), '(unmapped)') AS "_label"
          FROM "journey_events" AS "t0"
          WHERE
            isNotNull("t0"."unit")
        ) AS "t1"
      ) AS "t2"
      WHERE
        (
          "t2"."_index" = 0
        ) OR (
          "t2"."_previous" <> "t2"."_label"
        )
    ) AS "t3"
  ) AS "t4"
)
SELECT
  *
FROM (
  SELECT
    "t11"."position" AS "position",
    "t11"."source" AS "source",
    "t11"."target" AS "target",
    COUNT("t11"."_unit") AS "count"
  FROM (
    SELECT
      "t9"."_unit" AS "_unit",
      "t9"."position" AS "position",
      "t9"."source" AS "source",
      "t10"."_unit2" AS "_unit2",
      "t10"."_k2" AS "_k2",
      "t10"."target" AS "target"
    FROM (
      SELECT
        "t6"."unit" AS "_unit",
        "t6"."position" AS "position",
        "t6"."label" AS "source"
      FROM "t5" AS "t6"
      WHERE
        "t6"."position" <= 3 AND "t6"."position" >= 1
    ) AS "t9"
    INNER JOIN (
      SELECT
        "t6"."unit" AS "_unit2",
        "t6"."position" AS "_k2",
        "t6"."label" AS "target"
      FROM "t5" AS "t6"
      WHERE
        "t6"."position" <= 3 AND "t6"."position" >= 1
    ) AS "t10"
      ON "t9"."_unit" = "t10"."_unit2" AND "t10"."_k2" = (
        "t9"."position" + 1
      )
  ) AS "t11"
  GROUP BY
    "t11"."position",
    "t11"."source",
    "t11"."target"
) AS "t12"
ORDER BY
  "t12"."position" ASC,
  "t12"."count" DESC,
  "t12"."source" ASC,
  "t12"."target" ASC

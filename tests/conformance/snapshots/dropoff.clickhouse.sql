SELECT
  "t9"."label" AS "label",
  COUNT(*) AS "people",
  SUM(CASE WHEN "t9"."lost" THEN 1 ELSE 0 END) AS "lost"
FROM (
  SELECT
    "t7"."person" AS "person",
    "t7"."label" AS "label",
    "t7"."_ts" AS "_ts",
    "t7"."_seq" AS "_seq",
    NOT (
      COALESCE(
        (
          "t8"."_c_ts" > "t7"."_ts"
        )
        OR (
          (
            "t8"."_c_ts" = "t7"."_ts"
          ) AND (
            "t8"."_c_seq" >= "t7"."_seq"
          )
        ),
        FALSE
      )
    ) AS "lost"
  FROM (
    SELECT
      "t3"."person" AS "person",
      "t3"."label" AS "label",
      "t3"."ts" AS "_ts",
      "t3"."seq" AS "_seq"
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
        "t1"."converts" AS "converts",
        ROW_NUMBER() OVER (
          PARTITION BY "t1"."person", "t1"."label"
          ORDER BY "t1"."ts" ASC, "t1"."seq" ASC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "_first_rank"
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
          "t0"."label" IN ('order_completed') AS "converts"
        FROM "journey_events" AS "t0"
        WHERE
          isNotNull("t0"."label") AND isNotNull("t0"."person")
      ) AS "t1"
    ) AS "t3"
    WHERE
      "t3"."_first_rank" = 0
  ) AS "t7"
  LEFT OUTER JOIN (
    SELECT
      "t4"."person" AS "_p",
      "t4"."ts" AS "_c_ts",
      "t4"."seq" AS "_c_seq"
    FROM (
      SELECT
        "t2"."unit" AS "unit",
        "t2"."person" AS "person",
        "t2"."ts" AS "ts",
        "t2"."seq" AS "seq",
        "t2"."label" AS "label",
        "t2"."event" AS "event",
        "t2"."channel" AS "channel",
        "t2"."value" AS "value",
        "t2"."properties" AS "properties",
        "t2"."converts" AS "converts",
        ROW_NUMBER() OVER (
          PARTITION BY "t2"."person"
          ORDER BY "t2"."ts" DESC, "t2"."seq" DESC
          ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
        ) - 1 AS "_rank"
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
          "t0"."label" IN ('order_completed') AS "converts"
        FROM "journey_events" AS "t0"
        WHERE
          isNotNull("t0"."label")
          AND isNotNull("t0"."person")
          AND "t0"."label" IN ('order_completed')
      ) AS "t2"
    ) AS "t4"
    WHERE
      "t4"."_rank" = 0
  ) AS "t8"
    ON "t7"."person" = "t8"."_p"
) AS "t9"
GROUP BY
  "t9"."label"

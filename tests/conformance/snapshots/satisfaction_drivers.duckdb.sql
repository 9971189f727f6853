WITH "t16" AS (
  SELECT
    "t15"."seq",
    "t15"."response_id",
    "t15"."person",
    "t15"."ts",
    "t15"."metric",
    "t15"."score",
    "t15"."scale_min",
    "t15"."scale_max",
    "t15"."touchpoint",
    "t15"."stage",
    "t15"."channel",
    "t15"."link",
    "t15"."known_person",
    CASE
      WHEN (
        "t15"."metric" IS NULL
      )
      OR NOT (
        "t15"."metric" IN ('nps', 'csat', 'ces', 'rating')
      )
      THEN 'unknown_metric'
      WHEN (
        "t15"."score" IS NULL
      )
      OR COALESCE(ISNAN("t15"."score"), FALSE)
      OR (
        (
          "t15"."scale_min" IS NULL
        )
        OR (
          "t15"."scale_max" IS NULL
        )
        OR (
          "t15"."scale_min" >= "t15"."scale_max"
        )
      )
      OR (
        (
          "t15"."score" < "t15"."scale_min"
        )
        OR (
          "t15"."score" > "t15"."scale_max"
        )
      )
      THEN 'out_of_scale'
      WHEN (
        (
          "t15"."metric" = 'nps'
        )
        AND (
          (
            "t15"."scale_min" <> 0.0
          ) OR (
            "t15"."scale_max" <> 10.0
          )
        )
      )
      OR (
        (
          "t15"."metric" = 'csat'
        )
        AND (
          (
            "t15"."scale_min" <> 1.0
          ) OR (
            "t15"."scale_max" <> 5.0
          )
        )
      )
      OR (
        (
          "t15"."metric" = 'ces'
        )
        AND (
          (
            "t15"."scale_min" <> 1.0
          ) OR (
            "t15"."scale_max" <> 7.0
          )
        )
      )
      THEN 'other_scale'
      ELSE CAST(NULL AS TEXT)
    END AS "problem"
  FROM (
    SELECT
      "t3"."seq",
      "t3"."response_id",
      "t3"."person",
      "t3"."ts",
      "t3"."metric",
      "t3"."score",
      "t3"."scale_min",
      "t3"."scale_max",
      COALESCE("t3"."_named_tp", "t14"."_last") AS "touchpoint",
      COALESCE(
        CASE COALESCE("t3"."_named_tp", "t14"."_last")
          WHEN 'ad'
          THEN 'awareness'
          WHEN 'product'
          THEN 'consideration'
          WHEN 'checkout'
          THEN 'purchase'
          WHEN 'call'
          THEN 'support'
          ELSE CAST(NULL AS TEXT)
        END,
        "t3"."_named_stage"
      ) AS "stage",
      CASE COALESCE("t3"."_named_tp", "t14"."_last")
        WHEN 'ad'
        THEN 'ads'
        WHEN 'product'
        THEN 'web'
        WHEN 'checkout'
        THEN 'web'
        WHEN 'call'
        THEN 'phone'
        ELSE CAST(NULL AS TEXT)
      END AS "channel",
      CASE
        WHEN (
          "t3"."_named_tp" IS NOT NULL
        )
        AND "t3"."_named_tp" IN ('ad', 'product', 'checkout', 'call')
        THEN 'touchpoint'
        WHEN "t3"."_named_tp" IS NOT NULL
        THEN 'unknown_touchpoint'
        WHEN (
          "t3"."_named_stage" IS NOT NULL
        )
        AND "t3"."_named_stage" IN ('awareness', 'consideration', 'purchase', 'support')
        THEN 'stage'
        WHEN "t3"."_named_stage" IS NOT NULL
        THEN 'unknown_stage'
        WHEN "t14"."_last" IS NOT NULL
        THEN 'last_touch'
        ELSE 'unlinked'
      END AS "link",
      COALESCE("t10"."_known", 0) = 1 AS "known_person"
    FROM (
      SELECT
        "t0"."seq",
        "t0"."response_id",
        "t0"."ts",
        "t0"."metric",
        "t0"."score",
        "t0"."scale_min",
        "t0"."scale_max",
        "t0"."person_id" AS "person",
        "t0"."touchpoint" AS "_named_tp",
        "t0"."stage" AS "_named_stage"
      FROM "feedback" AS "t0"
    ) AS "t3"
    LEFT OUTER JOIN (
      SELECT
        "t12"."_a_seq",
        "t12"."_t_label" AS "_last"
      FROM (
        SELECT
          "t11"."_a_seq",
          "t11"."_a_person",
          "t11"."_a_ts",
          "t11"."_t_person",
          "t11"."_t_ts",
          "t11"."_t_seq",
          "t11"."_t_label",
          ROW_NUMBER() OVER (
            PARTITION BY "t11"."_a_seq"
            ORDER BY "t11"."_t_ts" DESC, "t11"."_t_seq" DESC
            ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
          ) - 1 AS "_rank"
        FROM (
          SELECT
            "t7"."_a_seq",
            "t7"."_a_person",
            "t7"."_a_ts",
            "t8"."_t_person",
            "t8"."_t_ts",
            "t8"."_t_seq",
            "t8"."_t_label"
          FROM (
            SELECT
              "t0"."seq" AS "_a_seq",
              "t0"."person_id" AS "_a_person",
              "t0"."ts" AS "_a_ts"
            FROM "feedback" AS "t0"
            WHERE
              "t0"."touchpoint" IS NULL
              AND "t0"."stage" IS NULL
              AND "t0"."person_id" IS NOT NULL
          ) AS "t7"
          INNER JOIN (
            SELECT
              "t1"."person" AS "_t_person",
              "t1"."ts" AS "_t_ts",
              "t1"."seq" AS "_t_seq",
              "t1"."label" AS "_t_label"
            FROM "journey_events" AS "t1"
            WHERE
              "t1"."label" IS NOT NULL AND "t1"."person" IS NOT NULL
          ) AS "t8"
            ON "t7"."_a_person" = "t8"."_t_person" AND "t8"."_t_ts" <= "t7"."_a_ts"
        ) AS "t11"
      ) AS "t12"
      WHERE
        "t12"."_rank" = 0
    ) AS "t14"
      ON "t3"."seq" = "t14"."_a_seq"
    LEFT OUTER JOIN (
      SELECT
        "t5"."_k_person",
        1 AS "_known"
      FROM (
        SELECT DISTINCT
          "t1"."person" AS "_k_person"
        FROM "journey_events" AS "t1"
        WHERE
          "t1"."person" IS NOT NULL
      ) AS "t5"
    ) AS "t10"
      ON "t3"."person" = "t10"."_k_person"
  ) AS "t15"
), "t31" AS (
  SELECT
    "t30"."touchpoint",
    COUNT(*) AS "people",
    AVG("t30"."_x") AS "mean_x",
    AVG("t30"."_y") AS "mean_y",
    (
      MIN("t30"."_x") < MAX("t30"."_x")
    )
    AND (
      MIN("t30"."_y") < MAX("t30"."_y")
    ) AS "_varies"
  FROM (
    SELECT
      "t29"."touchpoint",
      "t29"."_x",
      "t28"."_y"
    FROM (
      SELECT
        *
      FROM (
        SELECT
          *
        FROM (
          SELECT
            "t18"."touchpoint",
            "t18"."person",
            AVG("t18"."satisfaction") AS "_x"
          FROM (
            SELECT
              "t17"."seq",
              "t17"."response_id",
              "t17"."person",
              "t17"."ts",
              "t17"."metric",
              "t17"."score",
              "t17"."scale_min",
              "t17"."scale_max",
              "t17"."touchpoint",
              "t17"."stage",
              "t17"."channel",
              "t17"."link",
              "t17"."known_person",
              "t17"."problem",
              CASE
                WHEN "t17"."problem" IS NULL
                THEN CASE
                  WHEN "t17"."metric" = 'ces'
                  THEN (
                    "t17"."scale_max" - "t17"."score"
                  ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                  ELSE (
                    "t17"."score" - "t17"."scale_min"
                  ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                END
                ELSE CAST(NULL AS DOUBLE)
              END AS "satisfaction",
              CASE
                WHEN "t17"."problem" IS NULL
                THEN CASE
                  WHEN "t17"."metric" = 'nps'
                  THEN CASE WHEN "t17"."score" >= 9 THEN 2.0 WHEN "t17"."score" <= 6 THEN -2.0 ELSE 0.0 END
                  WHEN "t17"."metric" = 'csat'
                  THEN "t17"."score" - 3.0
                  WHEN "t17"."metric" = 'ces'
                  THEN (
                    (
                      4.0 - "t17"."score"
                    ) * 2.0
                  ) / 3.0
                  ELSE (
                    (
                      (
                        "t17"."score" - "t17"."scale_min"
                      ) * 4.0
                    ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                  ) - 2.0
                END
                ELSE CAST(NULL AS DOUBLE)
              END AS "emotion"
            FROM "t16" AS "t17"
            WHERE
              "t17"."problem" IS NULL
              AND "t17"."person" IS NOT NULL
              AND "t17"."metric" <> 'nps'
              AND "t17"."touchpoint" IS NOT NULL
          ) AS "t18"
          GROUP BY
            1,
            2
        ) AS "t21"
      ) AS "t24"
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          '(journey)' AS "touchpoint",
          "t22"."person",
          "t22"."_x"
        FROM (
          SELECT
            "t19"."person",
            AVG("t19"."satisfaction") AS "_x"
          FROM (
            SELECT
              "t17"."seq",
              "t17"."response_id",
              "t17"."person",
              "t17"."ts",
              "t17"."metric",
              "t17"."score",
              "t17"."scale_min",
              "t17"."scale_max",
              "t17"."touchpoint",
              "t17"."stage",
              "t17"."channel",
              "t17"."link",
              "t17"."known_person",
              "t17"."problem",
              CASE
                WHEN "t17"."problem" IS NULL
                THEN CASE
                  WHEN "t17"."metric" = 'ces'
                  THEN (
                    "t17"."scale_max" - "t17"."score"
                  ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                  ELSE (
                    "t17"."score" - "t17"."scale_min"
                  ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                END
                ELSE CAST(NULL AS DOUBLE)
              END AS "satisfaction",
              CASE
                WHEN "t17"."problem" IS NULL
                THEN CASE
                  WHEN "t17"."metric" = 'nps'
                  THEN CASE WHEN "t17"."score" >= 9 THEN 2.0 WHEN "t17"."score" <= 6 THEN -2.0 ELSE 0.0 END
                  WHEN "t17"."metric" = 'csat'
                  THEN "t17"."score" - 3.0
                  WHEN "t17"."metric" = 'ces'
                  THEN (
                    (
                      4.0 - "t17"."score"
                    ) * 2.0
                  ) / 3.0
                  ELSE (
                    (
                      (
                        "t17"."score" - "t17"."scale_min"
                      ) * 4.0
                    ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                  ) - 2.0
                END
                ELSE CAST(NULL AS DOUBLE)
              END AS "emotion"
            FROM "t16" AS "t17"
            WHERE
              "t17"."problem" IS NULL AND "t17"."person" IS NOT NULL AND "t17"."metric" <> 'nps'
          ) AS "t19"
          GROUP BY
            1
        ) AS "t22"
      ) AS "t25"
    ) AS "t29"
    INNER JOIN (
      SELECT
        "t23"."person" AS "_y_person",
        "t23"."_y"
      FROM (
        SELECT
          "t20"."person",
          AVG("t20"."score") AS "_y"
        FROM (
          SELECT
            "t17"."seq",
            "t17"."response_id",
            "t17"."person",
            "t17"."ts",
            "t17"."metric",
            "t17"."score",
            "t17"."scale_min",
            "t17"."scale_max",
            "t17"."touchpoint",
            "t17"."stage",
            "t17"."channel",
            "t17"."link",
            "t17"."known_person",
            "t17"."problem",
            CASE
              WHEN "t17"."problem" IS NULL
              THEN CASE
                WHEN "t17"."metric" = 'ces'
                THEN (
                  "t17"."scale_max" - "t17"."score"
                ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                ELSE (
                  "t17"."score" - "t17"."scale_min"
                ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
              END
              ELSE CAST(NULL AS DOUBLE)
            END AS "satisfaction",
            CASE
              WHEN "t17"."problem" IS NULL
              THEN CASE
                WHEN "t17"."metric" = 'nps'
                THEN CASE WHEN "t17"."score" >= 9 THEN 2.0 WHEN "t17"."score" <= 6 THEN -2.0 ELSE 0.0 END
                WHEN "t17"."metric" = 'csat'
                THEN "t17"."score" - 3.0
                WHEN "t17"."metric" = 'ces'
                THEN (
                  (
                    4.0 - "t17"."score"
                  ) * 2.0
                ) / 3.0
                ELSE (
                  (
                    (
                      "t17"."score" - "t17"."scale_min"
                    ) * 4.0
                  ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                ) - 2.0
              END
              ELSE CAST(NULL AS DOUBLE)
            END AS "emotion"
          FROM "t16" AS "t17"
          WHERE
            "t17"."problem" IS NULL AND "t17"."person" IS NOT NULL AND "t17"."metric" = 'nps'
        ) AS "t20"
        GROUP BY
          1
      ) AS "t23"
    ) AS "t28"
      ON "t29"."person" = "t28"."_y_person"
  ) AS "t30"
  GROUP BY
    1
)
SELECT
  "t40"."touchpoint",
  "t40"."people",
  "t40"."mean_x" AS "satisfaction",
  "t40"."mean_y" AS "nps",
  "t40"."correlation"
FROM (
  SELECT
    "t33"."touchpoint",
    "t33"."people",
    "t33"."mean_x",
    "t33"."mean_y",
    CASE
      WHEN (
        "t33"."people" >= 2
      ) AND "t33"."_varies"
      THEN CASE
        WHEN (
          "t39"."_sxy" / NULLIF(SQRT("t39"."_sxx" * "t39"."_syy"), 0.0)
        ) > 1.0
        THEN 1.0
        ELSE CASE
          WHEN (
            "t39"."_sxy" / NULLIF(SQRT("t39"."_sxx" * "t39"."_syy"), 0.0)
          ) < -1.0
          THEN -1.0
          ELSE "t39"."_sxy" / NULLIF(SQRT("t39"."_sxx" * "t39"."_syy"), 0.0)
        END
      END
      ELSE CAST(NULL AS DOUBLE)
    END AS "correlation"
  FROM "t31" AS "t33"
  INNER JOIN (
    SELECT
      "t37"."touchpoint" AS "_s_by",
      "t37"."_sxy",
      "t37"."_sxx",
      "t37"."_syy"
    FROM (
      SELECT
        "t36"."touchpoint",
        SUM((
          "t36"."_x" - "t36"."_mx"
        ) * (
          "t36"."_y" - "t36"."_my"
        )) AS "_sxy",
        SUM((
          "t36"."_x" - "t36"."_mx"
        ) * (
          "t36"."_x" - "t36"."_mx"
        )) AS "_sxx",
        SUM((
          "t36"."_y" - "t36"."_my"
        ) * (
          "t36"."_y" - "t36"."_my"
        )) AS "_syy"
      FROM (
        SELECT
          "t29"."touchpoint",
          "t29"."_x",
          "t28"."_y",
          "t35"."_m_by",
          "t35"."_mx",
          "t35"."_my"
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                "t18"."touchpoint",
                "t18"."person",
                AVG("t18"."satisfaction") AS "_x"
              FROM (
                SELECT
                  "t17"."seq",
                  "t17"."response_id",
                  "t17"."person",
                  "t17"."ts",
                  "t17"."metric",
                  "t17"."score",
                  "t17"."scale_min",
                  "t17"."scale_max",
                  "t17"."touchpoint",
                  "t17"."stage",
                  "t17"."channel",
                  "t17"."link",
                  "t17"."known_person",
                  "t17"."problem",
                  CASE
                    WHEN "t17"."problem" IS NULL
                    THEN CASE
                      WHEN "t17"."metric" = 'ces'
                      THEN (
                        "t17"."scale_max" - "t17"."score"
                      ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                      ELSE (
                        "t17"."score" - "t17"."scale_min"
                      ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                    END
                    ELSE CAST(NULL AS DOUBLE)
                  END AS "satisfaction",
                  CASE
                    WHEN "t17"."problem" IS NULL
                    THEN CASE
                      WHEN "t17"."metric" = 'nps'
                      THEN CASE WHEN "t17"."score" >= 9 THEN 2.0 WHEN "t17"."score" <= 6 THEN -2.0 ELSE 0.0 END
                      WHEN "t17"."metric" = 'csat'
                      THEN "t17"."score" - 3.0
                      WHEN "t17"."metric" = 'ces'
                      THEN (
                        (
                          4.0 - "t17"."score"
                        ) * 2.0
                      ) / 3.0
                      ELSE (
                        (
                          (
                            "t17"."score" - "t17"."scale_min"
                          ) * 4.0
                        ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                      ) - 2.0
                    END
                    ELSE CAST(NULL AS DOUBLE)
                  END AS "emotion"
                FROM "t16" AS "t17"
                WHERE
                  "t17"."problem" IS NULL
                  AND "t17"."person" IS NOT NULL
                  AND "t17"."metric" <> 'nps'
                  AND "t17"."touchpoint" IS NOT NULL
              ) AS "t18"
              GROUP BY
                1,
                2
            ) AS "t21"
          ) AS "t24"
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              '(journey)' AS "touchpoint",
              "t22"."person",
              "t22"."_x"
            FROM (
              SELECT
                "t19"."person",
                AVG("t19"."satisfaction") AS "_x"
              FROM (
                SELECT
                  "t17"."seq",
                  "t17"."response_id",
                  "t17"."person",
                  "t17"."ts",
                  "t17"."metric",
                  "t17"."score",
                  "t17"."scale_min",
                  "t17"."scale_max",
                  "t17"."touchpoint",
                  "t17"."stage",
                  "t17"."channel",
                  "t17"."link",
                  "t17"."known_person",
                  "t17"."problem",
                  CASE
                    WHEN "t17"."problem" IS NULL
                    THEN CASE
                      WHEN "t17"."metric" = 'ces'
                      THEN (
                        "t17"."scale_max" - "t17"."score"
                      ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                      ELSE (
                        "t17"."score" - "t17"."scale_min"
                      ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                    END
                    ELSE CAST(NULL AS DOUBLE)
                  END AS "satisfaction",
                  CASE
                    WHEN "t17"."problem" IS NULL
                    THEN CASE
                      WHEN "t17"."metric" = 'nps'
                      THEN CASE WHEN "t17"."score" >= 9 THEN 2.0 WHEN "t17"."score" <= 6 THEN -2.0 ELSE 0.0 END
                      WHEN "t17"."metric" = 'csat'
                      THEN "t17"."score" - 3.0
                      WHEN "t17"."metric" = 'ces'
                      THEN (
                        (
                          4.0 - "t17"."score"
                        ) * 2.0
                      ) / 3.0
                      ELSE (
                        (
                          (
                            "t17"."score" - "t17"."scale_min"
                          ) * 4.0
                        ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                      ) - 2.0
                    END
                    ELSE CAST(NULL AS DOUBLE)
                  END AS "emotion"
                FROM "t16" AS "t17"
                WHERE
                  "t17"."problem" IS NULL AND "t17"."person" IS NOT NULL AND "t17"."metric" <> 'nps'
              ) AS "t19"
              GROUP BY
                1
            ) AS "t22"
          ) AS "t25"
        ) AS "t29"
        INNER JOIN (
          SELECT
            "t23"."person" AS "_y_person",
            "t23"."_y"
          FROM (
            SELECT
              "t20"."person",
              AVG("t20"."score") AS "_y"
            FROM (
              SELECT
                "t17"."seq",
                "t17"."response_id",
                "t17"."person",
                "t17"."ts",
                "t17"."metric",
                "t17"."score",
                "t17"."scale_min",
                "t17"."scale_max",
                "t17"."touchpoint",
                "t17"."stage",
                "t17"."channel",
                "t17"."link",
                "t17"."known_person",
                "t17"."problem",
                CASE
                  WHEN "t17"."problem" IS NULL
                  THEN CASE
                    WHEN "t17"."metric" = 'ces'
                    THEN (
                      "t17"."scale_max" - "t17"."score"
                    ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                    ELSE (
                      "t17"."score" - "t17"."scale_min"
                    ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                  END
                  ELSE CAST(NULL AS DOUBLE)
                END AS "satisfaction",
                CASE
                  WHEN "t17"."problem" IS NULL
                  THEN CASE
                    WHEN "t17"."metric" = 'nps'
                    THEN CASE WHEN "t17"."score" >= 9 THEN 2.0 WHEN "t17"."score" <= 6 THEN -2.0 ELSE 0.0 END
                    WHEN "t17"."metric" = 'csat'
                    THEN "t17"."score" - 3.0
                    WHEN "t17"."metric" = 'ces'
                    THEN (
                      (
                        4.0 - "t17"."score"
                      ) * 2.0
                    ) / 3.0
                    ELSE (
                      (
                        (
                          "t17"."score" - "t17"."scale_min"
                        ) * 4.0
                      ) / NULLIF("t17"."scale_max" - "t17"."scale_min", 0.0)
                    ) - 2.0
                  END
                  ELSE CAST(NULL AS DOUBLE)
                END AS "emotion"
              FROM "t16" AS "t17"
              WHERE
                "t17"."problem" IS NULL AND "t17"."person" IS NOT NULL AND "t17"."metric" = 'nps'
            ) AS "t20"
            GROUP BY
              1
          ) AS "t23"
        ) AS "t28"
          ON "t29"."person" = "t28"."_y_person"
        INNER JOIN (
          SELECT
            "t32"."touchpoint" AS "_m_by",
            "t32"."mean_x" AS "_mx",
            "t32"."mean_y" AS "_my"
          FROM "t31" AS "t32"
        ) AS "t35"
          ON "t29"."touchpoint" = "t35"."_m_by"
      ) AS "t36"
      GROUP BY
        1
    ) AS "t37"
  ) AS "t39"
    ON "t33"."touchpoint" = "t39"."_s_by"
) AS "t40"

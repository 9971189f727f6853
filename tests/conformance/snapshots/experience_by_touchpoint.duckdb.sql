SELECT
  "t18"."group",
  "t18"."answers",
  (
    CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
  ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) AS "nps",
  "t18"."nps_n",
  "t18"."nps_n" < 30 AS "nps_low",
  CASE
    WHEN CASE
      WHEN (
        (
          (
            CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
          ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
        ) - (
          SQRT(
            CAST((
              "t18"."nps_n" * (
                "t18"."nps_promoters" + "t18"."nps_detractors"
              )
            ) - (
              (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              ) * (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              )
            ) AS DOUBLE) / (
              NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
        ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
      ) - (
        SQRT(
          CAST((
            "t18"."nps_n" * (
              "t18"."nps_promoters" + "t18"."nps_detractors"
            )
          ) - (
            (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            ) * (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            )
          ) AS DOUBLE) / (
            NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    END > 100.0
    THEN 100.0
    ELSE CASE
      WHEN (
        (
          (
            CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
          ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
        ) - (
          SQRT(
            CAST((
              "t18"."nps_n" * (
                "t18"."nps_promoters" + "t18"."nps_detractors"
              )
            ) - (
              (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              ) * (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              )
            ) AS DOUBLE) / (
              NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
        ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
      ) - (
        SQRT(
          CAST((
            "t18"."nps_n" * (
              "t18"."nps_promoters" + "t18"."nps_detractors"
            )
          ) - (
            (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            ) * (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            )
          ) AS DOUBLE) / (
            NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    END
  END AS "nps_ci_low",
  CASE
    WHEN CASE
      WHEN (
        (
          (
            CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
          ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
        ) + (
          SQRT(
            CAST((
              "t18"."nps_n" * (
                "t18"."nps_promoters" + "t18"."nps_detractors"
              )
            ) - (
              (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              ) * (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              )
            ) AS DOUBLE) / (
              NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
        ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
      ) + (
        SQRT(
          CAST((
            "t18"."nps_n" * (
              "t18"."nps_promoters" + "t18"."nps_detractors"
            )
          ) - (
            (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            ) * (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            )
          ) AS DOUBLE) / (
            NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    END > 100.0
    THEN 100.0
    ELSE CASE
      WHEN (
        (
          (
            CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
          ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
        ) + (
          SQRT(
            CAST((
              "t18"."nps_n" * (
                "t18"."nps_promoters" + "t18"."nps_detractors"
              )
            ) - (
              (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              ) * (
                "t18"."nps_promoters" - "t18"."nps_detractors"
              )
            ) AS DOUBLE) / (
              NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
            )
          ) * 195.9963984540054
        )
      ) < -100.0
      THEN -100.0
      ELSE (
        (
          CAST("t18"."nps_promoters" - "t18"."nps_detractors" AS DOUBLE) * 100.0
        ) / NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
      ) + (
        SQRT(
          CAST((
            "t18"."nps_n" * (
              "t18"."nps_promoters" + "t18"."nps_detractors"
            )
          ) - (
            (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            ) * (
              "t18"."nps_promoters" - "t18"."nps_detractors"
            )
          ) AS DOUBLE) / (
            NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0) * NULLIF(CAST("t18"."nps_n" AS DOUBLE), 0.0)
          )
        ) * 195.9963984540054
      )
    END
  END AS "nps_ci_high",
  "t18"."nps_promoters",
  "t18"."nps_detractors",
  "t18"."csat_satisfied" / NULLIF("t18"."csat_n", 0) AS "csat",
  "t18"."csat_n",
  "t18"."csat_n" < 30 AS "csat_low",
  "t18"."_csat_sum" / NULLIF("t18"."csat_n", 0) AS "csat_mean",
  "t18"."csat_satisfied",
  "t18"."_ces_sum" / NULLIF(CAST("t18"."ces_n" AS DOUBLE), 0.0) AS "ces",
  "t18"."ces_n",
  "t18"."ces_n" < 30 AS "ces_low",
  CASE
    WHEN "t18"."ces_n" >= 2
    THEN SQRT(
      CASE
        WHEN (
          (
            (
              CAST("t18"."ces_n" AS DOUBLE) * "t18"."_ces_sq"
            ) - (
              "t18"."_ces_sum" * "t18"."_ces_sum"
            )
          ) / NULLIF(CAST("t18"."ces_n" AS DOUBLE) * (
            CAST("t18"."ces_n" AS DOUBLE) - 1.0
          ), 0.0)
        ) < 0.0
        THEN 0.0
        ELSE (
          (
            CAST("t18"."ces_n" AS DOUBLE) * "t18"."_ces_sq"
          ) - (
            "t18"."_ces_sum" * "t18"."_ces_sum"
          )
        ) / NULLIF(CAST("t18"."ces_n" AS DOUBLE) * (
          CAST("t18"."ces_n" AS DOUBLE) - 1.0
        ), 0.0)
      END
    )
    ELSE CAST(NULL AS DOUBLE)
  END AS "ces_sd",
  "t18"."ces_easy_n" / NULLIF("t18"."ces_n", 0) AS "ces_easy",
  "t18"."ces_easy_n",
  "t18"."_rating_sum" / NULLIF(CAST("t18"."rating_n" AS DOUBLE), 0.0) AS "rating",
  "t18"."rating_n",
  "t18"."rating_n" < 30 AS "rating_low",
  CASE
    WHEN "t18"."rating_n" >= 2
    THEN SQRT(
      CASE
        WHEN (
          (
            (
              CAST("t18"."rating_n" AS DOUBLE) * "t18"."_rating_sq"
            ) - (
              "t18"."_rating_sum" * "t18"."_rating_sum"
            )
          ) / NULLIF(
            CAST("t18"."rating_n" AS DOUBLE) * (
              CAST("t18"."rating_n" AS DOUBLE) - 1.0
            ),
            0.0
          )
        ) < 0.0
        THEN 0.0
        ELSE (
          (
            CAST("t18"."rating_n" AS DOUBLE) * "t18"."_rating_sq"
          ) - (
            "t18"."_rating_sum" * "t18"."_rating_sum"
          )
        ) / NULLIF(
          CAST("t18"."rating_n" AS DOUBLE) * (
            CAST("t18"."rating_n" AS DOUBLE) - 1.0
          ),
          0.0
        )
      END
    )
    ELSE CAST(NULL AS DOUBLE)
  END AS "rating_sd"
FROM (
  SELECT
    "t17"."group",
    COUNT(*) AS "answers",
    SUM(CASE WHEN "t17"."metric" = 'nps' THEN 1 ELSE 0 END) AS "nps_n",
    SUM(
      CASE
        WHEN (
          "t17"."metric" = 'nps'
        ) AND (
          "t17"."score" >= 9
        )
        THEN 1
        ELSE 0
      END
    ) AS "nps_promoters",
    SUM(
      CASE
        WHEN (
          "t17"."metric" = 'nps'
        ) AND (
          "t17"."score" <= 6
        )
        THEN 1
        ELSE 0
      END
    ) AS "nps_detractors",
    SUM(CASE WHEN "t17"."metric" = 'csat' THEN 1 ELSE 0 END) AS "csat_n",
    SUM(
      CASE
        WHEN (
          "t17"."metric" = 'csat'
        ) AND (
          "t17"."score" >= 4
        )
        THEN 1
        ELSE 0
      END
    ) AS "csat_satisfied",
    SUM(CASE WHEN "t17"."metric" = 'csat' THEN "t17"."score" ELSE 0.0 END) AS "_csat_sum",
    SUM(CASE WHEN "t17"."metric" = 'ces' THEN 1 ELSE 0 END) AS "ces_n",
    SUM(
      CASE
        WHEN (
          "t17"."metric" = 'ces'
        ) AND (
          "t17"."score" <= 3
        )
        THEN 1
        ELSE 0
      END
    ) AS "ces_easy_n",
    SUM(CASE WHEN "t17"."metric" = 'ces' THEN "t17"."score" ELSE 0.0 END) AS "_ces_sum",
    SUM(CASE WHEN "t17"."metric" = 'ces' THEN "t17"."score" * "t17"."score" ELSE 0.0 END) AS "_ces_sq",
    SUM(CASE WHEN "t17"."metric" = 'rating' THEN 1 ELSE 0 END) AS "rating_n",
    SUM(
      CASE
        WHEN "t17"."metric" = 'rating'
        THEN (
          (
            (
              "t17"."score" - "t17"."scale_min"
            ) * 4.0
          ) / (
            "t17"."scale_max" - "t17"."scale_min"
          )
        ) + 1.0
        ELSE 0.0
      END
    ) AS "_rating_sum",
    SUM(
      CASE
        WHEN "t17"."metric" = 'rating'
        THEN (
          (
            (
              (
                "t17"."score" - "t17"."scale_min"
              ) * 4.0
            ) / (
              "t17"."scale_max" - "t17"."scale_min"
            )
          ) + 1.0
        ) * (
          (
            (
              (
                "t17"."score" - "t17"."scale_min"
              ) * 4.0
            ) / (
              "t17"."scale_max" - "t17"."scale_min"
            )
          ) + 1.0
        )
        ELSE 0.0
      END
    ) AS "_rating_sq"
  FROM (
    SELECT
      "t16"."seq",
      "t16"."response_id",
      "t16"."person",
      "t16"."ts",
      "t16"."metric",
      "t16"."score",
      "t16"."scale_min",
      "t16"."scale_max",
      "t16"."touchpoint",
      "t16"."stage",
      "t16"."channel",
      "t16"."link",
      "t16"."known_person",
      "t16"."problem",
      CASE
        WHEN "t16"."problem" IS NULL
        THEN CASE
          WHEN "t16"."metric" = 'ces'
          THEN (
            "t16"."scale_max" - "t16"."score"
          ) / NULLIF("t16"."scale_max" - "t16"."scale_min", 0.0)
          ELSE (
            "t16"."score" - "t16"."scale_min"
          ) / NULLIF("t16"."scale_max" - "t16"."scale_min", 0.0)
        END
        ELSE CAST(NULL AS DOUBLE)
      END AS "satisfaction",
      CASE
        WHEN "t16"."problem" IS NULL
        THEN CASE
          WHEN "t16"."metric" = 'nps'
          THEN CASE WHEN "t16"."score" >= 9 THEN 2.0 WHEN "t16"."score" <= 6 THEN -2.0 ELSE 0.0 END
          WHEN "t16"."metric" = 'csat'
          THEN "t16"."score" - 3.0
          WHEN "t16"."metric" = 'ces'
          THEN (
            (
              4.0 - "t16"."score"
            ) * 2.0
          ) / 3.0
          ELSE (
            (
              (
                "t16"."score" - "t16"."scale_min"
              ) * 4.0
            ) / NULLIF("t16"."scale_max" - "t16"."scale_min", 0.0)
          ) - 2.0
        END
        ELSE CAST(NULL AS DOUBLE)
      END AS "emotion",
      COALESCE("t16"."touchpoint", '(unlinked)') AS "group"
    FROM (
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
    ) AS "t16"
    WHERE
      "t16"."problem" IS NULL
  ) AS "t17"
  GROUP BY
    1
) AS "t18"

WITH `t1` AS (
  SELECT
    `t0`.`unit`,
    `t0`.`person`,
    `t0`.`ts`,
    `t0`.`seq`,
    `t0`.`label`,
    `t0`.`event`,
    `t0`.`channel`,
    `t0`.`value`,
    `t0`.`properties`,
    CAST(CASE
      WHEN `t0`.`label` = 'ad'
      THEN 1
      WHEN `t0`.`label` = 'blog'
      THEN 1
      WHEN `t0`.`label` = 'product'
      THEN 2
      WHEN `t0`.`label` = 'cart'
      THEN 3
      WHEN `t0`.`label` = 'order'
      THEN 4
      ELSE NULL
    END AS BIGINT) AS `_pos`
  FROM `journey_events` AS `t0`
), `t9` AS (
  SELECT
    `t7`.`unit`,
    `t7`.`person`,
    `t7`.`ts`,
    `t7`.`seq`,
    `t7`.`label`,
    `t7`.`event`,
    `t7`.`channel`,
    `t7`.`value`,
    `t7`.`properties`,
    `t7`.`_pos`,
    `t7`.`_off`,
    `t7`.`_previous`,
    (
      ROW_NUMBER() OVER (
        PARTITION BY `t7`.`unit`
        ORDER BY `t7`.`ts` ASC NULLS LAST, `t7`.`seq` ASC NULLS LAST, `t7`.`label` ASC NULLS LAST
      ) - 1
    ) + 1 AS `_index`,
    LAG(`t7`.`_pos`) OVER (
      PARTITION BY `t7`.`unit`
      ORDER BY `t7`.`ts` ASC NULLS LAST, `t7`.`seq` ASC NULLS LAST, `t7`.`label` ASC NULLS LAST
    ) AS `_from`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t4`.`unit`,
        `t4`.`person`,
        `t4`.`ts`,
        `t4`.`seq`,
        `t4`.`label`,
        `t4`.`event`,
        `t4`.`channel`,
        `t4`.`value`,
        `t4`.`properties`,
        `t4`.`_pos`,
        `t4`.`_off`,
        LAG(`t4`.`_pos`) OVER (
          PARTITION BY `t4`.`unit`
          ORDER BY `t4`.`ts` ASC NULLS LAST, `t4`.`seq` ASC NULLS LAST, `t4`.`label` ASC NULLS LAST
        ) AS `_previous`
      FROM (
        SELECT
          `t2`.`unit`,
          `t2`.`person`,
          `t2`.`ts`,
          `t2`.`seq`,
          `t2`.`label`,
          `t2`.`event`,
          `t2`.`channel`,
          `t2`.`value`,
          `t2`.`properties`,
          `t2`.`_pos`,
          `t2`.`label` IN ('call', 'review') AND (
            `t2`.`_pos` IS NULL
          ) AS `_off`
        FROM `t1` AS `t2`
        WHERE
          `t2`.`unit` IS NOT NULL
          AND (
            (
              `t2`.`_pos` IS NOT NULL
            )
            OR (
              `t2`.`label` IN ('call', 'review') AND (
                `t2`.`_pos` IS NULL
              )
            )
          )
          AND `t2`.`_pos` IS NOT NULL
      ) AS `t4`
    ) AS `t5`
    WHERE
      (
        `t5`.`_previous` IS NULL
      ) OR (
        `t5`.`_previous` <> `t5`.`_pos`
      )
  ) AS `t7`
)
SELECT
  `t22`.`unit`,
  `t22`.`kind`,
  `t22`.`step`,
  COUNT(*) AS `count`
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t11`.`unit`,
        'backward' AS `kind`,
        CASE
          WHEN `t11`.`_from` = 1
          THEN 'awareness'
          WHEN `t11`.`_from` = 2
          THEN 'consideration'
          WHEN `t11`.`_from` = 3
          THEN 'decision'
          WHEN `t11`.`_from` = 4
          THEN 'purchase'
          ELSE NULL
        END AS `step`
      FROM `t9` AS `t11`
      WHERE
        `t11`.`_index` > 1 AND `t11`.`_pos` < `t11`.`_from`
    ) AS `t15`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        `t19`.`unit`,
        'out_of_order' AS `kind`,
        CASE
          WHEN `t19`.`_pos` = 1
          THEN 'awareness'
          WHEN `t19`.`_pos` = 2
          THEN 'consideration'
          WHEN `t19`.`_pos` = 3
          THEN 'decision'
          WHEN `t19`.`_pos` = 4
          THEN 'purchase'
          ELSE NULL
        END AS `step`
      FROM (
        SELECT
          `t12`.`unit`,
          `t12`.`_pos`,
          `t12`.`_first`,
          COALESCE(
            MAX(`t12`.`_first`) OVER (
              PARTITION BY `t12`.`unit`
              ORDER BY `t12`.`_pos` ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
            ),
            0
          ) AS `_before`
        FROM (
          SELECT
            `t11`.`unit`,
            `t11`.`_pos`,
            MIN(`t11`.`_index`) AS `_first`
          FROM `t9` AS `t11`
          GROUP BY
            1,
            2
        ) AS `t12`
      ) AS `t19`
      WHERE
        `t19`.`_first` < `t19`.`_before`
    ) AS `t20`
  ) AS `t21`
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t10`.`unit`,
        'unexpected' AS `kind`,
        CASE
          WHEN (
            `t10`.`_latest` % 5
          ) = 1
          THEN 'awareness'
          WHEN (
            `t10`.`_latest` % 5
          ) = 2
          THEN 'consideration'
          WHEN (
            `t10`.`_latest` % 5
          ) = 3
          THEN 'decision'
          WHEN (
            `t10`.`_latest` % 5
          ) = 4
          THEN 'purchase'
          ELSE NULL
        END AS `step`
      FROM (
        SELECT
          `t8`.`unit`,
          `t8`.`person`,
          `t8`.`ts`,
          `t8`.`seq`,
          `t8`.`label`,
          `t8`.`event`,
          `t8`.`channel`,
          `t8`.`value`,
          `t8`.`properties`,
          `t8`.`_pos`,
          `t8`.`_off`,
          `t8`.`_rn`,
          `t8`.`_packed`,
          `t8`.`_at_last`,
          MAX(`t8`.`_packed`) OVER (
            PARTITION BY `t8`.`unit`
            ORDER BY `t8`.`ts` ASC NULLS LAST, `t8`.`seq` ASC NULLS LAST, `t8`.`label` ASC NULLS LAST
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS `_latest`,
          MAX(`t8`.`_at_last`) OVER (
            PARTITION BY `t8`.`unit`
            ORDER BY `t8`.`ts` ASC NULLS LAST, `t8`.`seq` ASC NULLS LAST, `t8`.`label` ASC NULLS LAST
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
          ) AS `_finished`
        FROM (
          SELECT
            `t6`.`unit`,
            `t6`.`person`,
            `t6`.`ts`,
            `t6`.`seq`,
            `t6`.`label`,
            `t6`.`event`,
            `t6`.`channel`,
            `t6`.`value`,
            `t6`.`properties`,
            `t6`.`_pos`,
            `t6`.`_off`,
            `t6`.`_rn`,
            IF(`t6`.`_pos` IS NOT NULL, (
              `t6`.`_rn` * 5
            ) + `t6`.`_pos`, 0) AS `_packed`,
            IF(COALESCE(`t6`.`_pos`, 0) = 4, 1, 0) AS `_at_last`
          FROM (
            SELECT
              `t3`.`unit`,
              `t3`.`person`,
              `t3`.`ts`,
              `t3`.`seq`,
              `t3`.`label`,
              `t3`.`event`,
              `t3`.`channel`,
              `t3`.`value`,
              `t3`.`properties`,
              `t3`.`_pos`,
              `t3`.`_off`,
              (
                ROW_NUMBER() OVER (
                  PARTITION BY `t3`.`unit`
                  ORDER BY `t3`.`ts` ASC NULLS LAST, `t3`.`seq` ASC NULLS LAST, `t3`.`label` ASC NULLS LAST
                ) - 1
              ) + 1 AS `_rn`
            FROM (
              SELECT
                `t2`.`unit`,
                `t2`.`person`,
                `t2`.`ts`,
                `t2`.`seq`,
                `t2`.`label`,
                `t2`.`event`,
                `t2`.`channel`,
                `t2`.`value`,
                `t2`.`properties`,
                `t2`.`_pos`,
                `t2`.`label` IN ('call', 'review') AND (
                  `t2`.`_pos` IS NULL
                ) AS `_off`
              FROM `t1` AS `t2`
              WHERE
                `t2`.`unit` IS NOT NULL
                AND (
                  (
                    `t2`.`_pos` IS NOT NULL
                  )
                  OR (
                    `t2`.`label` IN ('call', 'review') AND (
                      `t2`.`_pos` IS NULL
                    )
                  )
                )
            ) AS `t3`
          ) AS `t6`
        ) AS `t8`
      ) AS `t10`
      WHERE
        `t10`.`_off` AND `t10`.`_latest` > 0 AND `t10`.`_finished` = 0
    ) AS `t17`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        *
      FROM (
        SELECT
          `t11`.`unit`,
          'skipped' AS `kind`,
          'consideration' AS `step`
        FROM `t9` AS `t11`
        WHERE
          `t11`.`_index` > 1 AND `t11`.`_from` < 2 AND `t11`.`_pos` > 2
      ) AS `t13`
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          `t11`.`unit`,
          'skipped' AS `kind`,
          'decision' AS `step`
        FROM `t9` AS `t11`
        WHERE
          `t11`.`_index` > 1 AND `t11`.`_from` < 3 AND `t11`.`_pos` > 3
      ) AS `t14`
    ) AS `t16`
  ) AS `t18`
) AS `t22`
GROUP BY
  1,
  2,
  3

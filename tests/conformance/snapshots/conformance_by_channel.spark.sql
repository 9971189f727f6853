WITH `t5` AS (
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
), `t23` AS (
  SELECT
    `t19`.`unit`,
    `t19`.`person`,
    `t19`.`ts`,
    `t19`.`seq`,
    `t19`.`label`,
    `t19`.`event`,
    `t19`.`channel`,
    `t19`.`value`,
    `t19`.`properties`,
    `t19`.`_pos`,
    `t19`.`_off`,
    `t19`.`_previous`,
    (
      ROW_NUMBER() OVER (
        PARTITION BY `t19`.`unit`
        ORDER BY `t19`.`ts` ASC NULLS LAST, `t19`.`seq` ASC NULLS LAST, `t19`.`label` ASC NULLS LAST
      ) - 1
    ) + 1 AS `_index`,
    LAG(`t19`.`_pos`) OVER (
      PARTITION BY `t19`.`unit`
      ORDER BY `t19`.`ts` ASC NULLS LAST, `t19`.`seq` ASC NULLS LAST, `t19`.`label` ASC NULLS LAST
    ) AS `_from`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t10`.`unit`,
        `t10`.`person`,
        `t10`.`ts`,
        `t10`.`seq`,
        `t10`.`label`,
        `t10`.`event`,
        `t10`.`channel`,
        `t10`.`value`,
        `t10`.`properties`,
        `t10`.`_pos`,
        `t10`.`_off`,
        LAG(`t10`.`_pos`) OVER (
          PARTITION BY `t10`.`unit`
          ORDER BY `t10`.`ts` ASC NULLS LAST, `t10`.`seq` ASC NULLS LAST, `t10`.`label` ASC NULLS LAST
        ) AS `_previous`
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
          `t6`.`label` IN ('call', 'review') AND (
            `t6`.`_pos` IS NULL
          ) AS `_off`
        FROM `t5` AS `t6`
        WHERE
          `t6`.`unit` IS NOT NULL
          AND (
            (
              `t6`.`_pos` IS NOT NULL
            )
            OR (
              `t6`.`label` IN ('call', 'review') AND (
                `t6`.`_pos` IS NULL
              )
            )
          )
          AND `t6`.`_pos` IS NOT NULL
      ) AS `t10`
    ) AS `t15`
    WHERE
      (
        `t15`.`_previous` IS NULL
      ) OR (
        `t15`.`_previous` <> `t15`.`_pos`
      )
  ) AS `t19`
)
SELECT
  `t49`.`group`,
  COUNT(*) AS `units`,
  AVG(`t49`.`fitness`) AS `mean_fitness`,
  SUM(IF(`t49`.`fitness` = 1, 1, 0)) AS `conforming`,
  SUM(`t49`.`skipped`) AS `skipped`,
  SUM(`t49`.`out_of_order`) AS `out_of_order`,
  SUM(`t49`.`backward`) AS `backward`,
  SUM(`t49`.`unexpected`) AS `unexpected`,
  SUM(
    IF(
      (
        `t49`.`skipped` > 0
      )
      OR (
        `t49`.`out_of_order` > 0
      )
      OR (
        `t49`.`backward` > 0
      )
      OR (
        `t49`.`unexpected` > 0
      ),
      1,
      0
    )
  ) AS `deviating_units`
FROM (
  SELECT
    `t39`.`unit`,
    `t39`.`fitness`,
    `t39`.`done`,
    `t39`.`missed`,
    COALESCE(`t48`.`skipped`, 0) AS `skipped`,
    COALESCE(`t39`.`out_of_order`, 0) AS `out_of_order`,
    COALESCE(`t48`.`backward`, 0) AS `backward`,
    COALESCE(`t48`.`unexpected`, 0) AS `unexpected`,
    `t20`.`_unit`,
    `t20`.`group`
  FROM (
    SELECT
      `t34`.`unit`,
      `t34`.`done`,
      `t34`.`in_order`,
      4 - `t34`.`done` AS `missed`,
      `t34`.`done` - `t34`.`in_order` AS `out_of_order`,
      CAST(`t34`.`in_order` AS DOUBLE) / 4 AS `fitness`
    FROM (
      SELECT
        `t28`.`unit`,
        COUNT(*) AS `done`,
        SUM(IF(`t28`.`first` > `t28`.`_before`, 1, 0)) AS `in_order`
      FROM (
        SELECT
          `t22`.`unit`,
          `t22`.`position`,
          `t22`.`first`,
          COALESCE(
            MAX(`t22`.`first`) OVER (
              PARTITION BY `t22`.`unit`
              ORDER BY `t22`.`position` ASC NULLS LAST
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
            ),
            0
          ) AS `_before`
        FROM (
          SELECT
            `t21`.`unit`,
            `t21`.`position`,
            MIN(`t21`.`_index`) + 1 AS `first`
          FROM (
            SELECT
              `t16`.`unit`,
              `t16`.`person`,
              `t16`.`ts`,
              `t16`.`seq`,
              `t16`.`label`,
              `t16`.`event`,
              `t16`.`channel`,
              `t16`.`value`,
              `t16`.`properties`,
              `t16`.`position`,
              ROW_NUMBER() OVER (
                PARTITION BY `t16`.`unit`
                ORDER BY `t16`.`ts` ASC NULLS LAST, `t16`.`seq` ASC NULLS LAST, `t16`.`label` ASC NULLS LAST
              ) - 1 AS `_index`
            FROM (
              SELECT
                `t14`.`unit`,
                `t14`.`person`,
                `t14`.`ts`,
                `t14`.`seq`,
                `t14`.`label`,
                `t14`.`event`,
                `t14`.`channel`,
                `t14`.`value`,
                `t14`.`properties`,
                `t14`.`position`
              FROM (
                SELECT
                  *
                FROM (
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
                    `t7`.`position`,
                    LAG(`t7`.`label`) OVER (
                      PARTITION BY `t7`.`unit`
                      ORDER BY `t7`.`ts` ASC NULLS LAST, `t7`.`seq` ASC NULLS LAST, `t7`.`label` ASC NULLS LAST
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
                      CASE
                        WHEN `t2`.`label` = 'awareness'
                        THEN 1
                        WHEN `t2`.`label` = 'consideration'
                        THEN 2
                        WHEN `t2`.`label` = 'decision'
                        THEN 3
                        WHEN `t2`.`label` = 'purchase'
                        THEN 4
                        ELSE NULL
                      END AS `position`
                    FROM (
                      SELECT
                        `t0`.`unit`,
                        `t0`.`person`,
                        `t0`.`ts`,
                        `t0`.`seq`,
                        CASE `t0`.`label`
                          WHEN 'ad'
                          THEN 'awareness'
                          WHEN 'blog'
                          THEN 'awareness'
                          WHEN 'product'
                          THEN 'consideration'
                          WHEN 'cart'
                          THEN 'decision'
                          WHEN 'order'
                          THEN 'purchase'
                          ELSE CAST(NULL AS STRING)
                        END AS `label`,
                        `t0`.`event`,
                        `t0`.`channel`,
                        `t0`.`value`,
                        `t0`.`properties`
                      FROM `journey_events` AS `t0`
                    ) AS `t2`
                    WHERE
                      `t2`.`label` IN ('awareness', 'consideration', 'decision', 'purchase')
                  ) AS `t7`
                ) AS `t9`
                WHERE
                  (
                    `t9`.`_previous` IS NULL
                  ) OR (
                    `t9`.`_previous` <> `t9`.`label`
                  )
              ) AS `t14`
            ) AS `t16`
          ) AS `t21`
          GROUP BY
            1,
            2
        ) AS `t22`
      ) AS `t28`
      GROUP BY
        1
    ) AS `t34`
  ) AS `t39`
  LEFT OUTER JOIN (
    SELECT
      `t46`.`unit` AS `_unit`,
      `t46`.`skipped`,
      `t46`.`out_of_order`,
      `t46`.`backward`,
      `t46`.`unexpected`
    FROM (
      SELECT
        `t45`.`unit`,
        SUM(IF(`t45`.`kind` = 'skipped', `t45`.`count`, 0)) AS `skipped`,
        SUM(IF(`t45`.`kind` = 'out_of_order', `t45`.`count`, 0)) AS `out_of_order`,
        SUM(IF(`t45`.`kind` = 'backward', `t45`.`count`, 0)) AS `backward`,
        SUM(IF(`t45`.`kind` = 'unexpected', `t45`.`count`, 0)) AS `unexpected`
      FROM (
        SELECT
          `t44`.`unit`,
          `t44`.`kind`,
          `t44`.`step`,
          COUNT(*) AS `count`
        FROM (
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t24`.`unit`,
                'backward' AS `kind`,
                CASE
                  WHEN `t24`.`_from` = 1
                  THEN 'awareness'
                  WHEN `t24`.`_from` = 2
                  THEN 'consideration'
                  WHEN `t24`.`_from` = 3
                  THEN 'decision'
                  WHEN `t24`.`_from` = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS `step`
              FROM `t23` AS `t24`
              WHERE
                COALESCE(`t24`.`_from`, 0) > 0 AND `t24`.`_pos` < `t24`.`_from`
            ) AS `t29`
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                `t33`.`unit`,
                'out_of_order' AS `kind`,
                CASE
                  WHEN `t33`.`_pos` = 1
                  THEN 'awareness'
                  WHEN `t33`.`_pos` = 2
                  THEN 'consideration'
                  WHEN `t33`.`_pos` = 3
                  THEN 'decision'
                  WHEN `t33`.`_pos` = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS `step`
              FROM (
                SELECT
                  `t26`.`unit`,
                  `t26`.`_pos`,
                  `t26`.`_first`,
                  COALESCE(
                    MAX(`t26`.`_first`) OVER (
                      PARTITION BY `t26`.`unit`
                      ORDER BY `t26`.`_pos` ASC NULLS LAST
                      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
                    ),
                    0
                  ) AS `_before`
                FROM (
                  SELECT
                    `t24`.`unit`,
                    `t24`.`_pos`,
                    MIN(`t24`.`_index`) AS `_first`
                  FROM `t23` AS `t24`
                  GROUP BY
                    1,
                    2
                ) AS `t26`
              ) AS `t33`
              WHERE
                `t33`.`_first` < `t33`.`_before`
            ) AS `t36`
          ) AS `t38`
          UNION ALL
          SELECT
            *
          FROM (
            SELECT
              *
            FROM (
              SELECT
                `t41`.`unit`,
                'unexpected' AS `kind`,
                CASE
                  WHEN (
                    `t41`.`_latest` % 5
                  ) = 1
                  THEN 'awareness'
                  WHEN (
                    `t41`.`_latest` % 5
                  ) = 2
                  THEN 'consideration'
                  WHEN (
                    `t41`.`_latest` % 5
                  ) = 3
                  THEN 'decision'
                  WHEN (
                    `t41`.`_latest` % 5
                  ) = 4
                  THEN 'purchase'
                  ELSE NULL
                END AS `step`
              FROM (
                SELECT
                  `t40`.`unit`,
                  `t40`.`ts`,
                  `t40`.`seq`,
                  `t40`.`label`,
                  `t40`.`_pos`,
                  `t40`.`_rn`,
                  `t40`.`_packed`,
                  `t40`.`_at_last`,
                  MAX(`t40`.`_packed`) OVER (
                    PARTITION BY `t40`.`unit`
                    ORDER BY `t40`.`ts` ASC NULLS LAST, `t40`.`seq` ASC NULLS LAST, `t40`.`label` ASC NULLS LAST
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) AS `_latest`,
                  MAX(`t40`.`_at_last`) OVER (
                    PARTITION BY `t40`.`unit`
                    ORDER BY `t40`.`ts` ASC NULLS LAST, `t40`.`seq` ASC NULLS LAST, `t40`.`label` ASC NULLS LAST
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
                  ) AS `_finished`
                FROM (
                  SELECT
                    `t35`.`unit`,
                    `t35`.`ts`,
                    `t35`.`seq`,
                    `t35`.`label`,
                    `t35`.`_pos`,
                    `t35`.`_rn`,
                    IF(`t35`.`_pos` IS NOT NULL, (
                      `t35`.`_rn` * 5
                    ) + `t35`.`_pos`, 0) AS `_packed`,
                    IF(COALESCE(`t35`.`_pos`, 0) = 4, 1, 0) AS `_at_last`
                  FROM (
                    SELECT
                      `t27`.`unit`,
                      `t27`.`ts`,
                      `t27`.`seq`,
                      `t27`.`label`,
                      `t27`.`_pos`,
                      (
                        ROW_NUMBER() OVER (
                          PARTITION BY `t27`.`unit`
                          ORDER BY `t27`.`ts` ASC NULLS LAST, `t27`.`seq` ASC NULLS LAST, `t27`.`label` ASC NULLS LAST
                        ) - 1
                      ) + 1 AS `_rn`
                    FROM (
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t24`.`unit`,
                          `t24`.`ts`,
                          `t24`.`seq`,
                          `t24`.`label`,
                          `t24`.`_pos`
                        FROM `t23` AS `t24`
                      ) AS `t25`
                      UNION ALL
                      SELECT
                        *
                      FROM (
                        SELECT
                          `t6`.`unit`,
                          `t6`.`ts`,
                          `t6`.`seq`,
                          `t6`.`label`,
                          `t6`.`_pos`
                        FROM `t5` AS `t6`
                        WHERE
                          `t6`.`unit` IS NOT NULL
                          AND (
                            (
                              `t6`.`_pos` IS NOT NULL
                            )
                            OR (
                              `t6`.`label` IN ('call', 'review') AND (
                                `t6`.`_pos` IS NULL
                              )
                            )
                          )
                          AND (
                            `t6`.`label` IN ('call', 'review') AND (
                              `t6`.`_pos` IS NULL
                            )
                          )
                      ) AS `t11`
                    ) AS `t27`
                  ) AS `t35`
                ) AS `t40`
              ) AS `t41`
              WHERE
                `t41`.`_pos` IS NULL AND `t41`.`_latest` > 0 AND `t41`.`_finished` = 0
            ) AS `t42`
            UNION ALL
            SELECT
              *
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  `t24`.`unit`,
                  'skipped' AS `kind`,
                  'consideration' AS `step`
                FROM `t23` AS `t24`
                WHERE
                  COALESCE(`t24`.`_from`, 0) > 0 AND `t24`.`_from` < 2 AND `t24`.`_pos` > 2
              ) AS `t30`
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  `t24`.`unit`,
                  'skipped' AS `kind`,
                  'decision' AS `step`
                FROM `t23` AS `t24`
                WHERE
                  COALESCE(`t24`.`_from`, 0) > 0 AND `t24`.`_from` < 3 AND `t24`.`_pos` > 3
              ) AS `t31`
            ) AS `t32`
          ) AS `t43`
        ) AS `t44`
        GROUP BY
          1,
          2,
          3
      ) AS `t45`
      GROUP BY
        1
    ) AS `t46`
  ) AS `t48`
    ON `t39`.`unit` = `t48`.`_unit`
  INNER JOIN (
    SELECT
      `t17`.`unit` AS `_unit`,
      `t17`.`channel` AS `group`
    FROM (
      SELECT
        `t4`.`unit`,
        COALESCE(`t13`.`_channel`, '(none)') AS `channel`
      FROM (
        SELECT DISTINCT
          `t0`.`unit`
        FROM `journey_events` AS `t0`
        WHERE
          `t0`.`unit` IS NOT NULL
      ) AS `t4`
      LEFT OUTER JOIN (
        SELECT
          `t8`.`unit` AS `_unit`,
          `t8`.`channel` AS `_channel`
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
            ROW_NUMBER() OVER (
              PARTITION BY `t3`.`unit`
              ORDER BY `t3`.`ts` ASC NULLS LAST, `t3`.`seq` ASC NULLS LAST, `t3`.`label` ASC NULLS LAST
            ) - 1 AS `_first_rank`
          FROM (
            SELECT
              *
            FROM `journey_events` AS `t0`
            WHERE
              `t0`.`unit` IS NOT NULL AND `t0`.`channel` IS NOT NULL
          ) AS `t3`
        ) AS `t8`
        WHERE
          `t8`.`_first_rank` = 0
      ) AS `t13`
        ON `t4`.`unit` = `t13`.`_unit`
    ) AS `t17`
  ) AS `t20`
    ON `t39`.`unit` = `t20`.`_unit`
) AS `t49`
GROUP BY
  1
